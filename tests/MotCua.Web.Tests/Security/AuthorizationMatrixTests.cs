using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organisation;
using MotCua.Testing;
using MotCua.Web.Security;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Generated from the app's own endpoint list: every endpoint must declare a policy (or anonymous access),
/// and every protected endpoint must answer each role, in and out of its scope, as its policy says.
/// A new endpoint without a policy, or with route values this table cannot fill, fails here.
/// </summary>
public sealed class AuthorizationMatrixTests(DossierApp app) : IClassFixture<DossierApp>
{
    private const string InScope = "qng-binhson";
    private const string OutOfScope = "qng-vantuong";

    private static readonly HashSet<string> KnownPolicies =
        [Policies.Account, Policies.Officer, Policies.CatalogueStaff, Policies.Reports, .. Enum.GetValues<Role>().Select(Policies.For)];

    /// <summary>Which roles a policy lets in.</summary>
    private static bool Allows(string policy, Role role) => policy switch
    {
        Policies.Account or Policies.Officer => true,
        Policies.CatalogueStaff => role is Role.CatalogueEditor or Role.ProcedureControl,
        Policies.Reports => role is Role.Leader or Role.Monitor or Role.Administrator,
        _ => policy == Policies.For(role),
    };

    private sealed record Samples(Guid Unit, Guid OtherUnit, Guid Officer, Guid OtherOfficer, Guid Version, string Dossier, string OtherDossier);

    /// <summary>A request; <c>Scoped</c>: refused out of the officer's subtree; <c>RootOnly</c>: national data, only for roles held on the root unit.</summary>
    private sealed record Probe(string Url, object? Body, bool Scoped, bool RootOnly = false);

    /// <summary>Requests for endpoints that need route values or a body; <c>inScope</c> false targets the other commune.</summary>
    private static readonly Dictionary<string, Func<Samples, bool, Probe>> Probes = new()
    {
        ["GET /api/v1/units/{id:guid}"] = (s, inScope) => new($"/api/v1/units/{(inScope ? s.Unit : s.OtherUnit)}", null, true),
        ["PUT /api/v1/units/{id:guid}"] = (s, inScope) => new($"/api/v1/units/{(inScope ? s.Unit : s.OtherUnit)}", new { name = "" }, true),
        ["POST /api/v1/units/"] = (s, inScope) => new("/api/v1/units/", new { parentId = inScope ? s.Unit : s.OtherUnit, name = "" }, true),
        ["GET /api/v1/officers/{id:guid}"] = (s, inScope) => new($"/api/v1/officers/{(inScope ? s.Officer : s.OtherOfficer)}", null, true),
        ["PUT /api/v1/officers/{id:guid}"] = (s, inScope) => new($"/api/v1/officers/{(inScope ? s.Officer : s.OtherOfficer)}", new { fullName = "", unitId = s.Unit, isActive = true }, true),
        ["POST /api/v1/officers/"] = (s, inScope) => new("/api/v1/officers/", new { userName = "", fullName = "", unitId = inScope ? s.Unit : s.OtherUnit }, true),
        ["POST /api/v1/officers/{id:guid}/reset-password"] = (s, inScope) => new($"/api/v1/officers/{(inScope ? s.Officer : s.OtherOfficer)}/reset-password", null, true),
        ["POST /api/v1/officers/{id:guid}/unlock"] = (s, inScope) => new($"/api/v1/officers/{(inScope ? s.Officer : s.OtherOfficer)}/unlock", null, true),
        ["POST /api/v1/officers/{id:guid}/reset-totp"] = (s, inScope) => new($"/api/v1/officers/{(inScope ? s.Officer : s.OtherOfficer)}/reset-totp", null, true),
        ["GET /mot-cua/don-vi/{Id:guid}"] = (s, inScope) => new($"/mot-cua/don-vi/{(inScope ? s.Unit : s.OtherUnit)}", null, true),
        ["GET /mot-cua/can-bo/{Id:guid}"] = (s, inScope) => new($"/mot-cua/can-bo/{(inScope ? s.Officer : s.OtherOfficer)}", null, true),
        ["POST /api/v1/account/totp/confirm"] = (_, _) => new("/api/v1/account/totp/confirm", new { code = "1" }, false),
        ["POST /api/v1/account/password"] = (_, _) => new("/api/v1/account/password", new { }, false),
        ["POST /dang-xuat"] = (_, _) => new("/dang-xuat", null, false),
        ["GET /api/v1/calendar/years/{year:int}"] = (_, _) => new("/api/v1/calendar/years/2031", null, false),
        ["PUT /api/v1/calendar/years/{year:int}"] = (_, _) => new("/api/v1/calendar/years/2031", new { daysOff = new[] { new { date = "2031-01-01", name = "Tết Dương lịch" } } }, false, RootOnly: true),
        ["DELETE /api/v1/calendar/years/{year:int}"] = (_, _) => new("/api/v1/calendar/years/2031", null, false, RootOnly: true),
        ["POST /api/v1/calendar/holidays.json"] = (_, _) => new("/api/v1/calendar/holidays.json?dryRun=true", new { years = new { } }, false, RootOnly: true),
        ["GET /api/v1/units/{id:guid}/working-hours"] = (s, inScope) => new($"/api/v1/units/{(inScope ? s.Unit : s.OtherUnit)}/working-hours", null, true),
        ["PUT /api/v1/units/{id:guid}/working-hours"] = (s, inScope) => new($"/api/v1/units/{(inScope ? s.Unit : s.OtherUnit)}/working-hours", new { sameDayCutoff = "x" }, true),
        ["DELETE /api/v1/units/{id:guid}/working-hours"] = (s, inScope) => new($"/api/v1/units/{(inScope ? s.Unit : s.OtherUnit)}/working-hours", null, true),
        ["GET /mot-cua/don-vi/{Id:guid}/gio-lam-viec"] = (s, inScope) => new($"/mot-cua/don-vi/{(inScope ? s.Unit : s.OtherUnit)}/gio-lam-viec", null, true),
        ["GET /api/v1/procedures/{code}"] = (_, _) => new("/api/v1/procedures/1.001193", null, false),
        ["GET /api/v1/procedures/{code}/versions"] = (_, _) => new("/api/v1/procedures/1.001193/versions", null, false),
        ["GET /api/v1/catalogue/versions/{id:guid}"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}", null, false),
        ["GET /api/v1/catalogue/procedures/{code}/versions"] = (_, _) => new("/api/v1/catalogue/procedures/1.001193/versions", null, false),
        ["POST /api/v1/catalogue/procedures"] = (_, _) => new("/api/v1/catalogue/procedures", new { code = "" }, false, RootOnly: true),
        ["PUT /api/v1/catalogue/versions/{id:guid}"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}", new { }, false, RootOnly: true),
        ["DELETE /api/v1/catalogue/versions/{id:guid}"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}", null, false, RootOnly: true),
        ["POST /api/v1/catalogue/versions/{id:guid}/submit"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}/submit", null, false, RootOnly: true),
        ["POST /api/v1/catalogue/versions/{id:guid}/return"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}/return", new { note = "x" }, false, RootOnly: true),
        ["POST /api/v1/catalogue/versions/{id:guid}/announce"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}/announce", new { }, false, RootOnly: true),
        ["PUT /api/v1/catalogue/versions/{id:guid}/publication"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}/publication", new { }, false, RootOnly: true),
        ["POST /api/v1/catalogue/procedures/{code}/amend"] = (_, _) => new("/api/v1/catalogue/procedures/1.004884/amend", null, false, RootOnly: true),
        ["POST /api/v1/catalogue/procedures/{code}/abolish"] = (_, _) => new("/api/v1/catalogue/procedures/1.005461/abolish", new { reason = "" }, false, RootOnly: true),
        ["GET /mot-cua/danh-muc/thu-tuc/{Code}"] = (_, _) => new("/mot-cua/danh-muc/thu-tuc/1.001193", null, false),
        ["GET /mot-cua/danh-muc/phien-ban/{Id:guid}"] = (s, _) => new($"/mot-cua/danh-muc/phien-ban/{s.Version}", null, false),
        ["GET /mot-cua/danh-muc/nhap-xuat/{Id:guid}"] = (_, _) => new($"/mot-cua/danh-muc/nhap-xuat/{Guid.Empty}", null, false),
        ["POST /api/v1/catalogue/imports"] = (_, _) => new("/api/v1/catalogue/imports", null, false, RootOnly: true),
        ["GET /api/v1/jobs/{id:guid}"] = (_, _) => new($"/api/v1/jobs/{Guid.Empty}", null, false),
        // Dossiers: an officer in scope passes the policy and meets the state machine (resume of a received dossier: 409).
        ["GET /api/v1/dossiers/{code}"] = (s, inScope) => new($"/api/v1/dossiers/{(inScope ? s.Dossier : s.OtherDossier)}", null, true),
        ["GET /api/v1/dossiers/{code}/assignees"] = (s, inScope) => new($"/api/v1/dossiers/{(inScope ? s.Dossier : s.OtherDossier)}/assignees", null, true),
        ["GET /api/v1/dossiers/{code}/forms/{form}.docx"] = (s, inScope) => new($"/api/v1/dossiers/{(inScope ? s.Dossier : s.OtherDossier)}/forms/01.docx", null, true),
        ["POST /api/v1/dossiers/{code}/{action}"] = (s, inScope) => new($"/api/v1/dossiers/{(inScope ? s.Dossier : s.OtherDossier)}/resume", new { }, true),
        ["GET /api/v1/desk-outcomes/{id:guid}/forms/{form}.docx"] = (_, _) => new($"/api/v1/desk-outcomes/{Guid.Empty}/forms/02.docx", null, false),
        ["GET /api/v1/registers/{unitId:guid}"] = (s, inScope) => new($"/api/v1/registers/{(inScope ? s.Unit : s.OtherUnit)}?year=2026", null, true),
        ["GET /mot-cua/ho-so/{Code}"] = (s, inScope) => new($"/mot-cua/ho-so/{(inScope ? s.Dossier : s.OtherDossier)}", null, true),
        ["GET /mot-cua/ho-so/{Code}/phieu/{Form}"] = (s, inScope) => new($"/mot-cua/ho-so/{(inScope ? s.Dossier : s.OtherDossier)}/phieu/01", null, true),
        ["GET /mot-cua/phieu/{Id:guid}/{Form}"] = (_, _) => new($"/mot-cua/phieu/{Guid.Empty}/02", null, false),
        ["GET /api/v1/files/{id:guid}"] = (_, _) => new($"/api/v1/files/{Guid.Empty}", null, false),
        ["POST /api/v1/outbox/{id:guid}/retry"] = (_, _) => new($"/api/v1/outbox/{Guid.Empty}/retry", null, false),
        ["GET /mot-cua/nhap-ho-so/{Id:guid}"] = (_, _) => new($"/mot-cua/nhap-ho-so/{Guid.Empty}", null, false, RootOnly: true),
        ["POST /api/v1/admin/import/dossiers"] = (_, _) => new("/api/v1/admin/import/dossiers", null, false, RootOnly: true),
        ["POST /api/v1/admin/reports/reconcile"] = (_, _) => new("/api/v1/admin/reports/reconcile", null, false, RootOnly: true),
        ["GET /api/v1/indicators/targets/{year:int}"] = (_, _) => new("/api/v1/indicators/targets/2026", null, false),
        ["GET /api/v1/indicators/targets/{year:int}/off-track"] = (_, _) => new("/api/v1/indicators/targets/2030/off-track", null, false),
        ["PUT /api/v1/indicators/targets/{year:int}/{itemKey}"] = (s, inScope) => new("/api/v1/indicators/targets/2026/6.2", new { unitId = inScope ? s.Unit : s.OtherUnit, percent = 101 }, true),
        ["GET /api/v1/indicators/service-index"] = (s, inScope) => new($"/api/v1/indicators/service-index?unitId={(inScope ? s.Unit : s.OtherUnit)}&from=2026-11-01&to=2026-11-30", null, true),
        ["GET /api/v1/reports/processing"] = (s, inScope) => new($"/api/v1/reports/processing?unitId={(inScope ? s.Unit : s.OtherUnit)}&from=2026-11-01&to=2026-11-30", null, true),
        ["POST /api/v1/catalogue/versions/{id:guid}/components/{componentId:guid}/form"] = (s, _) => new($"/api/v1/catalogue/versions/{s.Version}/components/{Guid.Empty}/form", null, false, RootOnly: true),
    };

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Method(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : "GET";

    private static string Key(RouteEndpoint endpoint) => $"{Method(endpoint)} {endpoint.RoutePattern.RawText}";

    private static string? Policy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);

    private static bool Anonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    [Fact]
    public void EveryEndpoint_DeclaresAnonymousAccessOrAKnownPolicy()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 20, "the endpoint list should include the API and the pages");
        var undeclared = endpoints
            .Where(e => !Anonymous(e) && (Policy(e) is not { } policy || !KnownPolicies.Contains(policy)))
            .Select(e => $"{Key(e)} ({e.DisplayName})")
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task EveryProtectedEndpoint_AnswersEachRoleInAndOutOfScopeAsItsPolicySays()
    {
        var officers = new Dictionary<Role, TestOfficer>();
        foreach (var role in Enum.GetValues<Role>())
        {
            officers[role] = await app.OfficerAsync(role, InScope);
        }
        var samples = new Samples(
            await app.UnitIdAsync("qng-binhson-motcua"),
            await app.UnitIdAsync("qng-vantuong-motcua"),
            await IdOf(await app.OfficerAsync(Role.Specialist, InScope)),
            await IdOf(await app.OfficerAsync(Role.Specialist, OutOfScope)),
            (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193")).GetProperty("versionId").GetGuid(),
            (await (await app.OfficerAsync(Role.Reception, "qng-binhson-motcua")).ReceiveAsync(await app.ReceptionAsync())).Code(),
            (await (await app.OfficerAsync(Role.Reception, "qng-vantuong-motcua")).ReceiveAsync(await app.ReceptionAsync())).Code());

        var failures = new List<string>();
        var checkedEndpoints = 0;
        foreach (var endpoint in Endpoints().Where(e => !Anonymous(e)))
        {
            var key = Key(endpoint);
            var policy = Policy(endpoint)!;
            var isApi = endpoint.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal);
            Probe probe;
            if (Probes.TryGetValue(key, out var factory))
            {
                probe = factory(samples, true);
            }
            else if (endpoint.RoutePattern.Parameters.Count == 0)
            {
                probe = new Probe(endpoint.RoutePattern.RawText!, Method(endpoint) == "GET" ? null : new { }, false);
            }
            else
            {
                failures.Add($"{key}: no probe in the matrix; add one with in- and out-of-scope route values");
                continue;
            }
            checkedEndpoints++;

            var anonymous = await SendAsync(app.Anonymous(), Method(endpoint), probe);
            var expectedAnonymous = isApi ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect;
            if (anonymous.StatusCode != expectedAnonymous || (!isApi && anonymous.Headers.Location?.OriginalString.Contains("/dang-nhap", StringComparison.Ordinal) != true))
            {
                failures.Add($"{key} anonymous: {(int)anonymous.StatusCode} {anonymous.Headers.Location}");
            }

            if (probe.RootOnly)
            {
                var root = await SendAsync(await app.AdminAsync(), Method(endpoint), probe);
                if (root.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    failures.Add($"{key} as the root administrator: {(int)root.StatusCode}, expected it to be allowed");
                }
            }
            foreach (var (role, officer) in officers)
            {
                var allowed = Allows(policy, role) && !probe.RootOnly;
                var response = await SendAsync(officer.Client, Method(endpoint), probe);
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (allowed == denied || (!allowed && response.StatusCode != HttpStatusCode.Forbidden))
                {
                    failures.Add($"{key} as {role.Key()} in scope: {(int)response.StatusCode}, expected {(allowed ? "2xx/4xx other than 401/403" : "403")}");
                }
                if (allowed && probe.Scoped)
                {
                    var outside = await SendAsync(officer.Client, Method(endpoint), factory!(samples, false));
                    if (outside.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{key} as {role.Key()} out of scope: {(int)outside.StatusCode}, expected 403");
                    }
                }
            }
        }
        Assert.True(checkedEndpoints > 15, $"only {checkedEndpoints} endpoints were exercised");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, Probe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), probe.Url);
        if (probe.Body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(probe.Body), Encoding.UTF8, "application/json");
        }
        return await client.SendAsync(request);
    }

    private static async Task<Guid> IdOf(TestOfficer officer) =>
        (await officer.Client.GetFromJsonAsync<JsonElement>("/api/v1/account")).GetProperty("id").GetGuid();
}
