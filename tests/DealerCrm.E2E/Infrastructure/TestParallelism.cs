// One journey class at a time: each class drives its own Chromium against its own Kestrel site,
// and `dotnet test DealerCrm.sln` runs this project beside the web tests. On 2 cores, two
// browsers plus the web tests starve each other and the journeys' timeouts become a lottery.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 1)]
