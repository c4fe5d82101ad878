using MotCua.Core.Data;
using Npgsql;

namespace MotCua.Web.Tests.Operations;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Apply_AddsAutoPreparationAndNoResetWhereNotGiven()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=motcua;Username=motcua;Password=bí mật"));
        Assert.Equal(256, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("bí mật", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void Apply_KeepsWhatTheOperatorSet(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
