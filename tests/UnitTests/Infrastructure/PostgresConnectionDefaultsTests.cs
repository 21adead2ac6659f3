using Npgsql;
using Salon.Infrastructure.Persistence;

namespace Salon.UnitTests.Infrastructure;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_automatically_when_the_operator_said_nothing()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=salon;Username=salon;Password=secret"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal("db", applied.Host);
        Assert.Equal("salon", applied.Database);
        Assert.Equal("secret", applied.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=7", 7)]
    [InlineData("Host=db;MAX AUTO PREPARE=20;Database=salon", 20)]
    public void The_operators_own_setting_is_kept(string connectionString, int expected)
    {
        Assert.Equal(connectionString, PostgresConnectionDefaults.Apply(connectionString));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare);
    }
}
