/** Reading a synthesized template's resources by type and construct path, as the stack tests do. */
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;

export interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
}

/** The logical id of the one resource of a type whose id starts with a construct path's ids. */
export function logicalId(resources: Resources, type: string, prefix: string): string {
  const ids = Object.entries(resources)
    .filter(([id, resource]) => resource.Type === type && id.startsWith(prefix))
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

export function statementsOf(resources: Resources, policyPrefix: string): Statement[] {
  const policy = resources[logicalId(resources, 'AWS::IAM::Policy', policyPrefix)]!;
  return (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement;
}

export const actionsOf = (statements: Array<{ Action: string | string[] }>) =>
  statements.flatMap((statement) => [statement.Action].flat()).sort();

/** A template with its resources and the two readers bound to them. */
export interface ReadTemplate {
  template: Template;
  resources: Resources;
  logicalId(type: string, prefix: string): string;
  statementsOf(policyPrefix: string): Statement[];
}

export function readTemplate(templateJson: Record<string, unknown>): ReadTemplate {
  const resources = templateJson.Resources as Resources;
  return {
    template: Template.fromJSON(templateJson),
    resources,
    logicalId: (type, prefix) => logicalId(resources, type, prefix),
    statementsOf: (policyPrefix) => statementsOf(resources, policyPrefix),
  };
}
