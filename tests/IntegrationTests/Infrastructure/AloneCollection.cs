namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Tests that must not run beside any other test of the assembly (xUnit runs this collection on its own).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
