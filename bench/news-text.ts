/**
 * Generates news-like text for benchmarks: articles of a headline and paragraphs, mostly general
 * news with numbers of every kind, one in ten about the detainee transfers. Seeded, so every
 * run reads the same bytes.
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const GENERAL = [
  'The central bank kept its main rate at {p} percent on {day}, citing a slowdown in lending.',
  'Officials said {n} homes were damaged by the storm, and power was restored to most districts by evening.',
  'The club signed the {a}-year-old striker in a deal worth ${m} million, the largest in its history.',
  'Turnout reached {p} percent, the electoral commission said, with {n} polling stations reporting.',
  'Shares in the carmaker fell {p} percent after it recalled {n} vehicles over a braking fault.',
  'The ministry plans to build {n} schools by {y}, a spokesperson told reporters in the capital.',
  'Firefighters battled the blaze for {h} hours before bringing it under control near the highway.',
  'A survey of {n} households found that most families spend more on rent than a decade ago.',
  'The festival drew crowds of visitors over the weekend, organisers said, despite the rain.',
  'Negotiators met for a {h}-hour session but failed to agree on the text of the accord.',
  'The opposition accused the government of mismanaging the economy and called for early elections.',
  'Residents said the queues at petrol stations had grown longer since the start of the month.',
  'The minister is expected to present the new budget to parliament later this week.',
  'Analysts said the decision reflected growing concern about inflation and weak consumer demand.',
  'Police closed several roads in the city centre ahead of the march, which passed off peacefully.',
  'The company said it would continue to invest in the region despite the political uncertainty.',
];

const STORY = [
  'US forces moved another {n} Islamic State detainees from prisons in north-eastern Syria to Iraq on {day}, officials said.',
  'A total of {t} IS suspects have now been transferred to Iraqi custody, the ministry of justice said.',
  'Up to {big} detainees could ultimately be moved to facilities in Iraq under the plan, according to CENTCOM.',
  'The al-Hol camp still holds about {c} people, most of them women and children, aid groups say.',
  'More than {n} IS fighters escaped from al-Shaddadi prison during the clashes, the SDF said.',
  'Security forces recaptured {s} of the escapees in raids near Hasakah, a Kurdish official said.',
  'The detainees come from more than {k} countries, complicating efforts to repatriate them.',
  'The SDF said it was holding roughly {big} IS-linked detainees across its prisons before the offensive.',
  'Kurdish officials have long warned that they lack the means to guard the prisons indefinitely.',
  'Human rights groups have raised concerns about conditions in Iraqi prisons and the fairness of trials.',
];

function fill(template: string, random: () => number): string {
  const pick = (low: number, high: number) => Math.floor(low + random() * (high - low));
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  return template
    .replace('{n}', pick(20, 900).toLocaleString('en'))
    .replace('{t}', pick(900, 6000).toLocaleString('en'))
    .replace('{big}', pick(5000, 10000).toLocaleString('en'))
    .replace('{c}', pick(20000, 30000).toLocaleString('en'))
    .replace('{s}', String(pick(10, 400)))
    .replace('{k}', String(pick(40, 75)))
    .replace('{p}', (random() * 20).toFixed(1))
    .replace('{m}', (random() * 90).toFixed(1))
    .replace('{a}', String(pick(18, 35)))
    .replace('{h}', String(pick(2, 48)))
    .replace('{y}', String(pick(2027, 2035)))
    .replace('{day}', days[pick(0, days.length)]!);
}

export interface GeneratedArticle {
  title: string;
  text: string;
  aboutStory: boolean;
}

export function generateArticle(random: () => number, aboutStory: boolean): GeneratedArticle {
  const pool = aboutStory ? STORY : GENERAL;
  const sentences = Array.from({ length: 6 }, () => fill(pool[Math.floor(random() * pool.length)]!, random));
  if (aboutStory) sentences.splice(2, 0, fill(GENERAL[Math.floor(random() * GENERAL.length)]!, random));
  return { title: sentences[0]!.split(',')[0]!, text: sentences.join(' '), aboutStory };
}

/** Articles until their text reaches `bytes`; one in ten about the story. */
export function generateArticles(bytes: number, seed = 7): GeneratedArticle[] {
  const random = seededRandom(seed);
  const articles: GeneratedArticle[] = [];
  let size = 0;
  while (size < bytes) {
    const article = generateArticle(random, articles.length % 10 === 0);
    articles.push(article);
    size += Buffer.byteLength(article.title) + Buffer.byteLength(article.text);
  }
  return articles;
}
