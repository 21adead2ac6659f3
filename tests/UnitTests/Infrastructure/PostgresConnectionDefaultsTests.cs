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
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxAutoPrepare);
    }

    /// <summary>With Npgsql's error detail on, a unique-key violation's exception (which EF Core logs at Error level on
    /// its own when a save fails, even one Salon answers 409) carries the key's value: <c>Key ("HeldNickname")=(…)
    /// already exists</c>, a nickname or an e-mail address. An operator turning it on to debug must not reopen that.</summary>
    [Theory]
    [InlineData("Host=db;Include Error Detail=true")]
    [InlineData("Host=db;IncludeErrorDetail=True;Max Auto Prepare=0")]
    [InlineData("Host=db")]
    public void Npgsqls_error_detail_stays_off_whatever_the_connection_string_says(string connectionString)
    {
        Assert.False(new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).IncludeErrorDetail);
    }
}
