using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Testing;

namespace MotCua.Web.Tests.Operations;

public sealed class OperationsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersWhenUp(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryApiRoute()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var route in new[] { "/api/v1/auth/token", "/api/v1/units", "/api/v1/units/{id}", "/api/v1/officers", "/api/v1/audit/verify", "/api/v1/account/totp/setup" })
        {
            Assert.Contains(route, paths);
        }
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await app.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryStylesheetAndWhatItLoads_IsServed()
    {
        // The front-end files are restored from npm at build time: a clean clone must serve all of them (icon fonts included).
        var client = app.Anonymous();
        var html = await client.GetStringAsync("/");
        var sheets = Regex.Matches(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(sheets, s => s.Contains("bootstrap-icons", StringComparison.Ordinal));
        foreach (var sheet in sheets)
        {
            var url = new Uri(client.BaseAddress!, sheet);
            var css = await client.GetAsync(url);
            Assert.True(css.IsSuccessStatusCode, $"{sheet}: {(int)css.StatusCode}");
            foreach (var reference in Regex.Matches(await css.Content.ReadAsStringAsync(), "url\\(\"?([^)\"]+)\"?\\)").Select(m => m.Groups[1].Value)
                .Where(r => !r.StartsWith("data:", StringComparison.Ordinal)))
            {
                var loaded = await client.GetAsync(new Uri(url, reference));
                Assert.True(loaded.IsSuccessStatusCode, $"{reference} (from {sheet}): {(int)loaded.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task MalformedJson_Returns400Problem()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/units", new StringContent("{ \"name\": ", System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/khong-co");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task CookieApiCall_WithoutAntiforgeryHeader_IsRefused()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signInPage = await client.GetStringAsync("/dang-nhap");
        var token = System.Text.RegularExpressions.Regex.Match(signInPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var officer = await app.OfficerAsync(MotCua.Domain.Organisation.Role.Administrator, "qng-binhson");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = officer.UserName,
            ["Input.Password"] = MotCuaApp.OfficerPassword,
        });
        var signIn = await client.PostAsync("/dang-nhap", form);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.EndsWith("/dang-nhap/xac-thuc", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var totpPage = await client.GetStringAsync("/dang-nhap/xac-thuc");
        var totpToken = System.Text.RegularExpressions.Regex.Match(totpPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var verify = await client.PostAsync("/dang-nhap/xac-thuc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in-totp",
            ["__RequestVerificationToken"] = totpToken,
            ["Input.Code"] = await app.NextTotpAsync(officer.TotpSecret!),
        }));
        Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
        Assert.EndsWith("/mot-cua", verify.Headers.Location?.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units")).StatusCode);
        var forged = await client.PostAsJsonAsync("/api/v1/units", new { parentId = officer.UnitId, name = "Giả mạo", kind = "mot_cua", agencyCode = "000.21.08.H49" });
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "antiforgery_failed");
    }
}
