using Gulou.Events.Api.Infrastructure.Persistence;
using Npgsql;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_that_does_not_say_gets_automatic_preparation()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PreparedStatements.Of("Host=db;Database=gulou;Username=svc;Maximum Pool Size=40"));

        Assert.Equal(PreparedStatements.PerConnection, tuned.MaxAutoPrepare);
        Assert.Equal(PreparedStatements.AfterUses, tuned.AutoPrepareMinUsages);
        Assert.Equal(("db", "gulou", "svc", 40), (tuned.Host, tuned.Database, tuned.Username, tuned.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;maxautoprepare=0")]
    public void A_connection_string_that_sets_it_is_left_as_it_is(string given)
    {
        Assert.Equal(given, PreparedStatements.Of(given));
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(PreparedStatements.Of(given)).MaxAutoPrepare);
    }
}
