using System.Net;
using System.Net.Http.Json;
using MotCua.Testing;

namespace MotCua.Web.Tests.Security;

public sealed class LowRateLimitApp : MotCuaApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        [new("RateLimits:SignInPerMinute", "3")];
}

public sealed class RateLimitTests(LowRateLimitApp app) : IClassFixture<LowRateLimitApp>
{
    [Fact]
    public async Task SignIn_BeyondTheLimit_Returns429Problem()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "ai.do", password = "khong-dung-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "ai.do", password = "khong-dung-1" });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}
