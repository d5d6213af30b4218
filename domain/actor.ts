/**
 * Who acts on a case: the user and the organization they act for (their current membership). The API derives it
 * from its caller (`actorOf`), the task Update carries it to the workflow, activities record it.
 */
export interface Actor {
  userId: string;
  organizationId: string;
  displayName: string;
}
