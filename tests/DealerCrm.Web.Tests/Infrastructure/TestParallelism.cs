// Test classes run in parallel, as many at a time as the machine has cores (2 on the project's
// machines): each class starts its own site, mostly CPU-bound, so more lanes than cores only
// make every class slower. Seeding is done once per data profile (DatabaseTemplates), so a lane
// spends its time on tests, not on start-up. Set here rather than in xunit.runner.json: the E2E
// project references this one and would get this project's runner file copied beside its own.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 0)]
