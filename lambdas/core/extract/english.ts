import type { Bound } from './figure.js';

/**
 * How English news phrases the things around a number: bounds, modality, denial, batches and
 * history. Unlike a topic's vocabulary these hold for any story, so they live in code.
 * Every pattern is anchored to the number's side (`$` before it, `^` after it) so that a check
 * costs one short slice, never a scan of the sentence.
 */

const BOUND_BEFORE: ReadonlyArray<[RegExp, Bound]> = [
  [
    /\b(?:up to|as many as|(?<!no |not )fewer than|(?<!no |not )less than|no more than|not more than|a maximum of|at most|under|below|just under|as much as|a ceiling of|capped at|a maximum|at the most|(?:will |would |shall |to )?not exceed|not exceeding|never exceeding|ceiling of|could reach|may reach|might reach|could rise to|could total|could number|the maximum of|the ceiling of)\s+$|\bup-to-$/,
    'at_most',
  ],
  [
    /\b(?:(?<!no |not )more than|over|at least|upwards of|in excess of|exceeding|north of|above|greater than|a minimum of|no fewer than|no less than|not less than|not fewer than|pass|passed|passes|passing|topped|tops|could top|(?<!on )top|surpassed|surpasses|exceeded|exceeds|crossed|past)\s+$/,
    'at_least',
  ],
  [
    /\b(?:about|around|approximately|roughly|some|nearly|almost|an estimated|estimated|close to|approx\.?|circa|an approximate|more or less|near|just shy of|the best part of|approaching|closer to|nearer to|in the region of|something like|in the order of|on the order of)\s+$/,
    'approx',
  ],
  // "~24k residents", "n≈610": the tilde and the approximation sign of notes and posts.
  [/[~≈]\s*$/, 'approx'],
];

const BOUND_AFTER: ReadonlyArray<[RegExp, Bound]> = [
  [/^(?:-plus\b|\+|\s+or more\b|\s+plus\b|\s+and more\b|\s+and counting\b)/, 'at_least'],
  [/^\s+or (?:so|thereabouts)\b/, 'approx'],
  [/^\s+or (?:fewer|less)\b/, 'at_most'],
  [/^\s*[–—-]\s*the maximum\b/, 'at_most'],
];

/** The bound the words around a number give it; a range ("5,000 to 7,000") is at most its top. */
export function boundOf(before: string, after: string, range: boolean): Bound {
  if (range) return 'at_most';
  const said = BOUND_BEFORE.find(([pattern]) => pattern.test(before))?.[1];
  const added = BOUND_AFTER.find(([pattern]) => pattern.test(after))?.[1];
  // "an estimated 1,500-plus": a floor after the number is firmer than an estimate before it.
  if (said === 'approx' && added === 'at_least') return added;
  return said ?? added ?? 'exact';
}

/** Words that may stand between a bound and the number ("up to a total of 7,000"). */
export const LEAD_IN = /(?:\b(?:a total of|a combined|total of|the|a|an|of|to|at|by|some)\s+)+$/;

/** A planned or possible action, not one done: "could be moved", "plans to transfer". */
export const MODAL =
  /\b(?:could|would|will|shall|may|might|can|to be|plans? to|planned|planning|expects? to|expected|set to|aims? to|aiming|intends? to|intention|agreed to|agrees to|is to|are to|prepar(?:e|es|ed|ing) (?:to|for)|ready to|readies|readying|willing to|scheduled|earmarked|eventually|ultimately|target|goal|proposal|proposed|envisag\w*|pledged to|commit(?:ted)? to|slated|unlikely|likely|bracing|braces|brace for|talk(?:s|ed|ing)? (?:of|about)|spoke of|speak(?:s|ing)? of|eyes|eyeing|mulls|mulling|weighs|weighing|consider(?:s|ing)?|projects|projected|seeks? to|hopes? to|wants? to|would-be|prospective|potential|possible)\b/;

/** The clause reports a claim as false, or the action as not having happened. */
export const DENIAL_AFTER =
  /\b(?:were|was|are|is) (?:false|untrue|not true|baseless|unfounded|exaggerated|wrong|inaccurate)\b|\bwere denied\b|\bwas denied\b/;
/** After a denial the speaker may give their own figure: "..., putting the number at 120". */
export const COUNTER_CLAIM =
  /,\s+(?:putting|saying|adding|but|instead|while)\b|\b(?:put|puts|putting) the (?:number|figure|toll|total)\b|\bsaid (?:that )?only\b|\bsaid\b/;
export const DENIAL =
  /\b(?:denied|denies|deny|denying|dismissed|rejected|refuted|false|untrue|not true|baseless|unfounded|no evidence|debunked|rumou?rs?|misstated|misreported|wrongly (?:said|stated|reported|gave)|incorrectly (?:said|stated|reported|gave))\b/;
export const NEGATED_ACTION = /\b(?:not|never|no|none|n't|neither|nor|refus\w*|declin\w*)\b[^,;]{0,30}$/;

/** A batch on top of a total: "another 250", "a further 300", "in the past 48 hours". */
export const INCREMENT_BEFORE =
  /\b(?:another|a further|further|an additional|additional|a new batch of|new batch of|the latest|latest|a fresh|fresh|the (?:second|third|fourth|fifth|sixth|next|new|latest|most recent) (?:batch|group|convoy|wave|tranche|round|airlift|flight) of|a (?:(?:second|third|fourth|fifth|sixth|new|fresh|last|final) )?(?:batch|group|convoy|wave|tranche|round|airlift|flight) of|(?:flights?|planes?|aircraft|convoys?|bus(?:es)?|trucks?|sorties|helicopters?) (?:carrying|ferrying|transporting))\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately)\s+)?$/;
export const INCREMENT_AFTER = /^\s+(?:more|additional|further|others?)\b/;
export const INCREMENT_WINDOW =
  /\b(?:in|over|during|within) the (?:past|last|previous) (?:year|month|week|day|few (?:days|weeks|months))\b|\b(?:in|over|within|during) the (?:past|last|previous) (?:\d+|[\w-]+) (?:hours?|days?|weeks?)\b|\b(?:in|on|with|by) (?:the|a|its|their) (?:latest|new|second|third|fourth|fifth|sixth|next|most recent|fresh|fifteenth) (?:airlift|convoy|round|group|flight|batch|transfer|wave|tranche|repatriation round|operation)\b|\b(?:the|a) (?:second|third|fourth|fifth|latest|new) (?:such )?(?:airlift|flight|batch|convoy|round|group)\b|(?<!\bas of )(?<!\bby )\b(?:today|that day|this week|this month)\b/;

/** The figure sums everything so far, which beats a batch word elsewhere in the sentence. */
export const TOTAL =
  /\b(?:a total of|in total|in all|total(?:ling|ing)?|so far|to date|altogether|overall|cumulative|bringing the (?:total|number|tally)|brings the (?:total|number|tally)|takes the (?:total|number|tally)|raising the (?:total|number|tally))\b/;

/** The size of a plan, not of what was done: "a target of 7,000", "out of as many as 7,000". */
export const PLAN_BEFORE =
  /\b(?:(?:deal|agreement|arrangement|accord|plan|operation|framework)s? (?:covers?|covering|includes?|provides? for|envisages?)|(?:target|goal|ceiling|estimate|plan|objective|aim) (?:remained|remains|is|was|stood at|stands at|of|at)|an estimate of|of (?:an? |the )?(?:expected|planned|projected|eventual)|an? (?:target|goal|ceiling|cap|quota) of|the (?:target|goal|ceiling|cap|quota) of|plans? (?:for|covers?|covering)|out of (?:(?:a total of|an expected|the|as many as|up to|some|about|nearly|roughly|around|approximately) )*)(?:\s+(?:some|about|around|nearly|almost|up to|as many as|roughly|approximately|more than|over|at least|a maximum of))?\s*$/;

/** "a 7,000 target", "its up-to-7,000 goal": a plan's noun right after the number. */
export const PLAN_NOUN_AFTER = /^\s*(?:-?(?:person|people|detainee|prisoner|strong|man)\s+)?(?:goal|target|ceiling|cap|objective|quota)\b/;

/** A "first batch of the 7,000" is the size of the plan, not of the batch. */
export const BATCH_OF_PLAN =
  /\b(?:first|initial|opening) (?:batch|group|wave|tranche|phase|round|stage) of (?:the |an estimated |up to |as many as |nearly |almost |some |about |around |roughly |approximately )+$/;

/** History: the text dates the figure to an earlier time. */
export const HISTORY =
  /\b(?:at (?:its|the) (?:\d{4} )?(?:peak|height|highest)|at one (?:point|time)|once (?:held|housed|hosted|had)|used to (?:hold|house)|previously|formerly|in the past(?! (?:\w+ )?(?:years?|months?|weeks?|days?|hours?|\d))|back in (?:19|20)\d\d|in (?:early |late |mid-)?(?:19|20)\d\d|by (?:the end of |late |early )?(?:19|20)\d\d|during (?:19|20)\d\d|before the (?:war|offensive|collapse|fall|takeover|withdrawal)|years ago|last year|in (?:january|february|march|april|may|june|july|august|september|october|november|december) (?:19|20)\d\d)\b/;
/** "Since 2019" counts up to now: not history. */
export const SINCE_YEAR = /\bsince (?:early |late |mid-)?(?:19|20)\d\d\b/;

/**
 * Where one clause ends and another begins. A figure's meaning is looked for inside its own
 * clause, so that "detained 300 operatives in 2025 and moved 150 detainees" keeps them apart.
 */
export const CLAUSE_BREAK =
  /[;:]|\s[—–-]{1,2}\s|,?\s+(?:while|whereas|but|although|though|however|meanwhile|when|after|before|because|whilst|even as|even though|yet|unlike)\s+|(?<!\bha(?:ve|s|d)|\bbeen)\s+since\s+(?!(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|last|early|late|mid|then|the (?:start|beginning|end))\b)|,\s+(?:and|as|with|adding|saying|said|according|leaving|bringing|taking|raising|putting|depending)\s+|\s+and\s+(?=(?:that|has|have|had|was|were|is|are|will|would|could|then|also|later|it|they|the|another|a further|an additional|at least|more than|some|about|nearly|up to|over|around|roughly|[a-z]+ed)\b|\d)|(?<!\b(?:approx|est|no|nos|ca|mr|mrs|ms|dr|gen|st))\.\s+/g;

/** Words after a number and its noun that make the number the subject of what follows. */
export const SUBJECT_VERB =
  /^(?:\s*,)?\s+(?:who|that|which|have|has|had|were|was|are|is|will|would|could|should|may|might|can|remain|remained|remains|are|being|been|now|still|already|reportedly|allegedly|also|then|later|had|initially|eventually|ultimately|in all|in total|altogether)\b/;

/** Verbs of other events whose numbers are not tracked: arrests, deaths, raids, prosecutions. */
export const OTHER_EVENT =
  /\b(?:killed|kill|killing|died|wounded|injured|arrested|arrest|arresting|detained|captured|nabbed|seized|questioned|questioning|interrogated|interrogating|interviewed|interviewing|investigated|investigates|investigate|under investigation|investigating|charged|charging|indicted|prosecuted|prosecuting|tried|on trial|sentenced|sentences|sentencing|convicted|convicting|executed|deployed|stationed|recruited|screened|vetted|apprehended|deported|deporting|expelled|stopped|intercepted|turned back|displaced|evacuated|registered (?:to|for)|required|requiring|needed|treated|hospitali[sz]ed|voted|votes|vote|protested|protesting|protests|rallied|marched|demonstrated|lost|employed|hired|trained|(?:still |remain |remains |remained )?at large|(?:still )?on the run|(?:still )?on the loose|still free|remain free|(?:still |remain |remains )?active|amnesty|pardon(?:ed|s)?)\b/;
/** Nouns of other events: like noun cues, they matter only where no action word does. */
export const OTHER_EVENT_NOUN = /\b(?:dead|deaths|arrests|trials|casualties|clashes|attacks|airstrikes?|raids)\b/;

/** Partitives and lists that make a number a part of another figure, not a total. */
export const SUBGROUP_BEFORE =
  /\bamong (?:the|them|those)\b[^,;]*\b(?:were|was|are|is)\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately|at least|less than|fewer than|no more than)\s+)?$|\b(?:including|includes|included|among them|among whom|among those|amongst them|such as|incl\.|made up|make up|makes up|accounted for|account for|accounts for)\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately|at least)\s+)?$/;
export const AMONG_AFTER = /^\s*(?:[\w'-]+\s+){0,3}?(?:were|are|being)?\s*among\b/;
export const OF_AFTER =
  /^\s*(?:\w+\s+){0,3}?(?:were|are|being)?\s*of (?:them|whom|those|the total|the (?:(?:some|about|around|roughly|nearly|almost|approximately|an estimated|estimated|more than|over|at least) )?\d[\d,]*)\b/;

/** Room to take people in, which is no plan to move them: "the capacity to absorb 8,000". */
export const ROOM_FOR = /\b(?:capacity|room for|space for|enough for|big enough|able to (?:absorb|accommodate|house|hold))\b/;

/** A capacity is not a count: "can hold 10,000 inmates", "built to house 4,000". */
export const CAPACITY =
  /\b(?:can|could|able to|built\b.{0,24}\bto|designed\b.{0,24}\bto|(?:designed|built|meant|intended) for|capacity|room for|space for|enough for|big enough)\b/;

/** People named as the source of a report: "two residents said". */
export const SOURCE_AFTER = /^\s+(?:said|say|says|told|reported|added|confirmed|recalled|described)\b/;

/** A clock time: "at 4:30 am". */
export const CLOCK_AFTER = /^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z]))/;
export const CLOCK_BEFORE = /\d:$/;

/** A part of a facility: "the foreigners' annex of al-Hol holds 6,500". */
export const FACILITY_PART = /\b(?:annexe?s?|sections?|wings?|blocks?|sectors?|wards?|compound within)\b/;

/** An auxiliary before an action marks the main verb, not a participle describing the people. */
export const AUX_BEFORE = /\b(?:have|has|had|were|was|are|is|be|been|being)\s+(?:\w+\s+)?$/;

/** "may have escaped" estimates the past; it plans nothing. */
export const EPISTEMIC_PAST = /\b(?:may|might|could|must|would) (?:well )?have\b/g;

/** A noun of action whose mood is carried by the verb after its object: "the transfer of 7,000 is expected". */
export const ACTION_NOUN_OF = /^(?:transfers?|handovers?|relocations?|arrivals?|moves?|movement|repatriations?|evacuations?) of\b/;

/** Participles that can describe people after their noun ("detainees held at X have been moved"). */
export const PARTICIPLE = /^(?:[a-z]+ed|held|kept|taken|sent|flown|brought|freed|caught)$/;

/** The relative pronoun that makes the verb after it the people's own action. */
export const RELATIVE = /^\s*,?\s*(?:who|that|which)\b/;

/** The number stands in apposition to a noun before it: "two battalions, roughly 1,500 men". */
export const APPOSITION_BEFORE =
  /\b([a-z]+),\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|up to|approximately|an estimated)\s+)?$/;

/** "The women among the 1,500 escapees numbered 200": the subject names a part of the whole. */
export const SUBGROUP_SUBJECT =
  /\b(?:women|children|minors|foreigners|foreign nationals|iraqis|syrians|boys|girls|teenagers|juveniles)\b[^;]*\bamong\b[^;]*\b(?:numbered|number|were|was|totalled|totaled|came to|reached|stood at)\s+(?:[a-z]+\s+){0,2}$/;

/** A subject number whose own verb is modal: "up to 7,000 could eventually follow". */
export const MODAL_AFTER_SUBJECT =
  /^\s*(?:more\s+|others\s+)?(?:could|would|will|may|might|are (?:expected|due|set|to be|likely)|is (?:expected|due|set|likely)|remain to be|have yet to be|are still to be)\b/;

/** A plan named inside another number's phrase ("1,900 of an expected 7,000") says nothing of the first. */
export const EMBEDDED_PLAN = /\bof (?:an? |the )?(?:expected|planned|projected|eventual)\b/g;

/** A ratio, not a count: "nine in 10". */
export const RATIO_AFTER = /^\s+(?:in|out of)\s+(?:\d{1,3}(?![\d,])|ten|five|four|three|every)\b/;
export const RATIO_BEFORE = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+$/;
/** "one of three (prisons) receiving them": a count of the places or things the subject is among. */
export const ONE_OF_BEFORE = /\bone of\s+$/;

/** "1,500 of them Iraqis": the pronoun points at the whole, the noun after it names the part. */
export const OF_THEM = /^\s+of (?:them|whom|those)\s+/;

/** An age, not a count: "aged between 19 and 64", "as old as 70", "I was 17 when". */
export const AGE_BEFORE =
  /\b(?:aged|ages|age of|as old as|as young as|(?:was|were|am|now)(?:\s+(?:under|over|aged|below))?)\s+(?:between\s+|from\s+)?$|\b(?:youngest|oldest)\b[^;,.]*\b(?:is|was|were|are)\s+$/;
export const AGE_AFTER = /^(?:\s+years? old\b|\s*,?\s+(?:speaking|said)\b)/;

/** The size of each group, not how many: "moved in groups of 50". */
export const GROUP_SIZE_BEFORE =
  /\b(?:(?:in|into) (?:groups|batches|convoys|busloads|planeloads|lots) of|each (?:carrying|holding|with|taking|transporting))\s+(?:about |around |some |up to |roughly |nearly )?$/;

/** A rate, not a total: "about 150 detainees a day". */
export const RATE_AFTER = /^\s+(?:a|per|each|every) (?:day|week|month|night|flight)\b(?! (?:later|earlier|after|before))/;

/** A question asked is no report: "asked whether more than 1,000 had escaped". */
export const QUESTION_BEFORE = /\b(?:whether|asked if|ask if)\b/;

/** Another state's own prisoners: "Turkey holds 2,300 in its own prisons". */
export const OWN_PRISONS =
  /\b(?:its|their) own (?:prisons?|jails?|prison population|custody|facilities)\b|\b\w+['’]s own (?:prisons?|jails?|prison population)\b|\bthe country['’]s (?:prisons|jails|prison population|prison system)\b/;

/** People said to have helped an escape are not escapees. */
export const ESCAPE_HELPERS =
  /\b(?:aid(?:ing|ed)?|help(?:ing|ed)?|assist(?:ing|ed)?|facilitat\w*|organi[sz]\w*|plott\w*|shelter(?:ing|ed)?|harbou?r(?:ing|ed)?|smuggl\w*|accused|linked to)\b/;

/** "500 of its nationals are in the camps": one state's people among a camp's or prison's. */
export const OF_ITS_NATIONALS = /^\s+of (?:its|their|his|her) (?:own )?(?:nationals|citizens)\b/;

/** A count of countries is of the detainees' origins only as "from 60 countries", "of 57 countries". */
export const ORIGIN_BEFORE =
  /\b(?:from|of|representing|represent|represents|spanning|span|across|hail(?:ing)? from)\s+(?:(?:some|about|around|more than|over|at least|nearly|roughly|up to|approximately|an estimated|as many as|almost|close to|no fewer than|no less than|upwards of|in excess of|well over|just over|a little over|between)\s+)?$/;
/** "60 countries have citizens among the detainees": the countries are where detainees come from. */
export const ORIGIN_AFTER =
  /^\s+(?:(?:have|had|with|whose) )?(?:citizens|nationals|people|detainees|fighters|residents) (?:are |were )?(?:among|in|held|detained)\b/;

/** People in a process after the move: "the interrogation of 1,406 of the accused". */
export const PROCESS_OF_BEFORE =
  /\b(?:interrogations?|questioning|trials?|proceedings|prosecutions?|investigations?|cases?|charges|sentencing|convictions?|hearings?|screening|vetting)\s+(?:of|against|for|into)\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately|at least)\s+)?$/;

/** A claim put in doubt: "claims that 4,000 had escaped", with a denial word somewhere in the sentence. */
export const CLAIM_BEFORE =
  /\b(?:claims?|claimed|claiming|alleged|allegations?|rumou?rs?|reports?|assertions?) that\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately|at least|as many as)\s+)?$/;
export const DISMISSAL =
  /\b(?:fabricat\w*|exaggerat\w*|lies|propaganda|nonsense|denied|deny|denies|rejected|dismissed|false|untrue|baseless|unfounded)\b/;

/** Quote marks around words ("'up to' 7,000") do not change what the words say. */
export const QUOTE_MARKS = /['"‘’“”]/g;

/** "most of them at Panorama prison": the place is of a part, not of the figure. */
export const PART_OF_THEM_BEFORE =
  /\b(?:most|some|many|half|several|a few|the rest|the majority|all but \w+) of (?:them|whom|those)\b[^,;]*$/;

/** A place's size, not its people: "designed for about 5,000 inmates". */
export const DESIGNED_FOR_BEFORE =
  /\b(?:designed|built|meant|intended|planned) (?:for|to (?:hold|house|take))\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately|at least)\s+)?$/;

/** "down from some 3,000": the earlier value of the figure just given, counting the same things. */
export const EARLIER_VALUE_BEFORE =
  /\b(?:down|up|rising|falling|fallen|risen|dropped|climbed|increased|decreased|compared) (?:from|with)\s+(?:(?:some|about|around|nearly|almost|more than|over|roughly|approximately)\s+)?$/;

/** A named camp that is not one of the topic's: "Camp Bucca". */
/** Camps for people displaced by war or disaster, not the camps where IS families are held. */
export const DISPLACEMENT_CAMP = /\b(?:camps? for (?:the )?(?:internally )?displaced|idp camps?|displacement camps?|refugee camps?)\b/;
export const OTHER_NAMED_CAMP =
  /\bCamp [A-Z][a-z]+|\b(?!(?:The|This|That|A|An|Its|Each|Every|Our|Their|Both|Either)\b)[A-Z][\w'-]+(?:\s+\d+)?\s+camp\b/;

/** A change, not a level: "has dropped by 4,000". */
export const CHANGE_BY_BEFORE =
  /\b(?:dropped|fell|fallen|risen|rose|increased|decreased|grown|grew|shrunk|shrank|declined|climbed|jumped|swelled|reduced) by\s+(?:(?:some|about|around|nearly|almost|more than|over|roughly|approximately)\s+)?$/;

/** Back behind bars: "returned 260 runaways to custody". */
export const BACK_TO_CUSTODY = /\b(?:to|into) (?:custody|prison|jail|their cells|detention)\b/;

/** A lawful release is no escape. */
export const LAWFUL_RELEASE =
  /\b(?:amnesty|pardon\w*|on bail|court order|released (?:by|under|after) (?:a |the )?(?:court|judge|decree))\b/;

/** "Since January" counts up to now, like "since 2019". */
export const SINCE_MONTH =
  /\bsince\b[^,.;]{0,40}\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b/;
/** A month named without a year dates a figure within the year of the report. */
export const IN_MONTH =
  /\b(?:in|by|at the (?:start|end|beginning) of|by the (?:start|end) of|before|until|by (?:early|late|mid-)|in (?:early|late|mid-)|(?:\d{1,2}))\s*(january|february|march|april|may|june|july|august|september|october|november|december)\b(?! (?:19|20)\d\d)/g;
/** Times told relative to the report: "last month", "a week earlier", "at the start of the year". */
export const LAST_MONTH = /\blast month\b/;
export const WEEK_EARLIER = /\b(?:a|one) week (?:earlier|before|ago)\b/;
export const START_OF_YEAR = /\bat the (?:start|beginning) of (?:the|this) year\b/;
export const START_OF_NAMED_YEAR = /\bat the (?:start|beginning) of ((?:19|20)\d\d)\b/;

/** A move from one prison to another inside the region, not along the route. */
export const MOVE_WITHIN =
  /\bto (?:a |the )?(?:[\w-]+ )?hospital\b|\bto hospital\b|\bfor (?:medical )?treatment\b|\bto (?:the |a )?camp\b|\bto (?:other|another|different|new|nearby|neighbouring|neighboring|a separate|separate) (?:camps?|prisons?|jails?|facilit\w+|sites?|detention centres?|detention centers?)\b/;

/** "Of the 4,000 detainees transferred, 900 ...": a fronted whole, read with its own participle. */
export const FRONTED_WHOLE =
  /(?:^|[,;:]\s*)of (?:the|those|all(?: the)?)\s+(?:(?:some|about|around|roughly|nearly|more than|over|approximately|an estimated)\s+)?$/;

/** "of whom some 740 have since been recaptured": a part, unless taking part is what the figure counts. */
export const OF_WHOM_BEFORE =
  /\b(?:of whom|of which)\s+(?:(?:some|about|around|nearly|almost|more than|over|up to|roughly|approximately|at least)\s+)?$/;

/** "could see up to 7,000 transferred": the people of a possible action, named before its verb. */
export const MODAL_BEFORE_NUMBER =
  /\b(?:could|would|will|may|might)\s+(?:eventually\s+|ultimately\s+)?(?:see|mean|bring|involve|reach|cover|total)\s+(?:(?:some|about|around|nearly|almost|up to|as many as|more than|over|roughly|approximately)\s+)?$/;

/** A level reached, which is a count done, whatever modal follows in the sentence. */
export const LEVEL_REACHED_BEFORE =
  /\b(?:total|tally|count|number|figure)\b[^,;]{0,30}\b(?:reached|risen to|rose to|climbed to|stands at|stood at|passed|topped|hit)\s+(?:(?:some|about|around|nearly|almost|more than|over|roughly|approximately)\s+)?$/;

/** An age limit: "children under 18". */
export const AGE_LIMIT_BEFORE =
  /\b(?:children|kids|minors|boys|girls|people|those|men|women|adults|anyone) (?:is |are )?(?:under|over|aged|below|above|older than|younger than)\s+(?:the age of\s+)?$/;

export const LAST_WEEK = /\blast week\b/;

/** A state the people are left in, not where they are held: "leaving 350 people homeless". */
export const STATE_AFTER = /^\s+(?:homeless|dead|injured|wounded|missing|stranded|without|unaccounted)\b/;

/** An action after the people that no cue names: "700 residents of Roj have applied to go home". */
/** Verbs that state a level, not an action: the noun before them says what is counted. */
export const LEVEL_VERB =
  /^(?:numbered|numbering|totalled|totaled|totalling|totaling|reached|topped|exceeded|passed|stood|remained|included|including|comprised|rose|fell|climbed|dropped|grew|increased|decreased|declined|swelled|shrank|ranged|ranging|estimated|believed|thought|reported|said|expected)$/;
export const UNTRACKED_VERB_AFTER =
  /^(?:\s+of\s+[\w'-]+)?\s+(?:have|has|had|were|was|are|is|will)?\s*(?:been\s+|also\s+|now\s+|already\s+)?([a-z]+(?:ed|ing))\b/;

/** A comparison, not a bound: "more than the 7,000 announced last month". */
export const COMPARISON_BEFORE = /\b(?:more|fewer|less|higher|lower|greater|smaller) than (?:the|a|an|its|their|his|her)\s+$/;

/** "the number of US troops ... to about 500": the number counts what "the number of" names. */
export const NUMBER_OF_BEFORE =
  /\b(?:the )?(?:number|total|tally|count) of\s+([^,;]*?)\s+(?:to|at|from|reached|stands at|stood at|rose to|fell to|is|was)\s+(?:(?:about|around|some|nearly|almost|roughly|more than|over|fewer than|less than|up to)\s+)?$/;

/** "85 of the detainees brought from Syria": a part of the people the same action counts. */
export const PARTITIVE_PARTICIPLE_AFTER =
  /^\s+of (?:the|those)\s+(?:(?!(?:have|has|had|were|was|are|is|been|being|will|would|could)\b)[\w-]+\s+){0,4}?(\w+ed|brought|taken|flown|sent|held|driven|given)\b/;

/** Waiting for what is planned: "Iraq expects 7-8,000 detainees", "courts brace for up to 7,000". */
export const PLAN_VERB_BEFORE =
  /\b(?:expects?|expecting|anticipates?|anticipating|awaits?|awaiting|braces? for|bracing for|prepares? for|preparing for|readies for|readying for|ready for|to receive|to take in|to accept|to absorb)\s+(?:(?:some|about|around|nearly|almost|up to|as many as|roughly|approximately|more than|over)\s+)?$/;

/** "10 women and 25 children": parts of a total the text does not give. */
export const PAIRED_PARTS = /\d[\d,]*\s+(?:women|men|children|boys|girls|minors|adults)\s+and\s+$/;
export const PAIRED_PARTS_AFTER = /^\s+(?:women|men|children|boys|girls|minors|adults)\s+and\s+\d/;

/** A place inside a camp: "6,200 lived in the Annex reserved for foreigners". */
export const IN_FACILITY_PART = /^[^,;.]{0,40}\b(?:in|inside) the (?:annexe?|section|wing|block|sector|ward)\b/;

/** A cost in lives, not people held: "at the cost of 12,000 fighters' lives". */
export const COST_OF_BEFORE = /\bcost of\s+(?:(?:some|about|around|nearly|more than|over)\s+)?$/;

/** People named as the source: "according to two people involved". */
export const SOURCE_BEFORE = /\baccording to\s+$/;

/** A state taking back its own people: "Tunisia received 11 of its nationals". */
export const OWN_NATIONALS_AFTER = /^\s+(?:of )?(?:its|their) (?:own )?(?:nationals|citizens)\b/;
