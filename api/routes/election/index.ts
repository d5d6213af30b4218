import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import electionApplicationRoutes from './applications';
import electionCheckRoutes from './checks';
import electionCaseRoutes from './elections';
import electionVoterRoutes from './voters';

/** Residents' committee elections with migrant-eligibility review (issue 6). */
const electionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  await fastify.register(electionCheckRoutes);
  await fastify.register(electionCaseRoutes);
  await fastify.register(electionApplicationRoutes);
  await fastify.register(electionVoterRoutes);
};

export default electionRoutes;
