using Salon.Infrastructure.Persistence;

namespace Salon.UnitTests.Infrastructure;

public sealed class DatabaseProvidersTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData(" postgresql ", DatabaseProvider.Postgres)]
    [InlineData("Npgsql", DatabaseProvider.Postgres)]
    public void Known_provider_names_are_read_case_insensitively(string? name, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(name));

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Postgre")]
    public void An_unknown_provider_stops_start_up_with_the_accepted_names(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Parse(name));
        Assert.Contains("'Sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Postgres'", error.Message, StringComparison.Ordinal);
    }
}
