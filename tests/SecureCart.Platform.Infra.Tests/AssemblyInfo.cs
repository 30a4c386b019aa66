// Deployment.TestAsync uses a process-wide deployment instance: Pulumi's own docs say such tests run serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
