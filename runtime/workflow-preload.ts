/**
 * Modules the workflows import that are loaded once, when the worker's workflow context starts, and shared (frozen
 * by the SDK) by every workflow execution. Without this the SDK's reusable context evaluates each module again for
 * every new execution it caches; zod's own modules were a part of each case start's worker CPU
 * (bench/trace-start.ts --cpu-prof). Only zod: the domain's forms and rules would save more (building every form's
 * schema is most of what remains), but zod 4 defines members on a schema when they are first read, which a frozen
 * shared schema refuses ("Cannot define property safeParse, object is not extensible"). Nothing from workflows/
 * belongs here: those modules hold each execution's tasks and handlers. Given to `bundleWorkflowCode` (with
 * runtime/worker.ts's interceptors) by whoever pre-bundles; the tests run on a bundle built with it.
 */
export const WORKFLOW_PRELOAD_MODULES = ['zod'];
