using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Identity;
using MotCua.Domain.Organisation;
using MotCua.Web.Hosting;

namespace MotCua.Web.Security;

/// <summary>Configuration section <c>RateLimits</c>: requests per minute and client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PublicPerMinute { get; set; } = 600;

    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Public dossier lookups per client address: enough for a family, too few to guess the phone digits.</summary>
    public int LookupPerMinute { get; set; } = 30;
}

public static class SecurityServiceCollectionExtensions
{
    public const string SmartScheme = "motcua";

    public static IServiceCollection AddMotCuaSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys live in the database so that every node reads the cookies and tokens the others issued.
        services.AddDataProtection().SetApplicationName("MotCua").PersistKeysToDbContext<MotCuaDbContext>();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, null, options => options.ForwardDefaultSelector = context =>
                OfficerSessionMiddleware.IsBearer(context) ? BearerTokenDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "motcua.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.LoginPath = "/dang-nhap";
                options.LogoutPath = "/dang-xuat";
                options.AccessDeniedPath = "/khong-co-quyen";
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    var current = context.HttpContext.RequestServices.GetRequiredService<CurrentOfficer>();
                    if (!IsApi(context.Request) && current.IsAuthenticated && !current.HasFullAccess)
                    {
                        context.Response.Redirect("/mot-cua/tai-khoan");
                        return Task.CompletedTask;
                    }
                    return ApiOrRedirect(context, StatusCodes.Status403Forbidden);
                };
            })
            .AddBearerToken();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<CredentialOptions>>((options, credentials) => options.ExpireTimeSpan = credentials.Value.AccessTokenLifetime);
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<CredentialOptions>>((options, credentials) => options.BearerTokenExpiration = credentials.Value.AccessTokenLifetime);

        services.AddAuthorization(options =>
        {
            options.AddPolicy(Policies.Account, policy => policy.RequireAuthenticatedUser());
            options.AddPolicy(Policies.Officer, policy => policy.RequireAuthenticatedUser().AddRequirements(new FullAccessRequirement()));
            options.AddPolicy(Policies.CatalogueStaff, policy => policy.RequireAuthenticatedUser()
                .AddRequirements(new FullAccessRequirement(), new RoleRequirement(Role.CatalogueEditor, Role.ProcedureControl)));
            options.AddPolicy(Policies.Reports, policy => policy.RequireAuthenticatedUser()
                .AddRequirements(new FullAccessRequirement(), new RoleRequirement(Role.Leader, Role.Monitor, Role.Administrator)));
            foreach (var role in Enum.GetValues<Role>())
            {
                options.AddPolicy(Policies.For(role), policy => policy
                    .RequireAuthenticatedUser()
                    .AddRequirements(new FullAccessRequirement(), new RoleRequirement(role)));
            }
        });
        services.AddScoped<IAuthorizationHandler, FullAccessHandler>();
        services.AddScoped<IAuthorizationHandler, RoleHandler>();
        services.AddScoped<IAuthorizationHandler, UnitScopeHandler>();
        services.AddScoped<IAuthorizationHandler, AnyRoleInScopeHandler>();
        services.AddScoped<IAuthorizationHandler, MotCua.Web.Jobs.JobAccessHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentOfficer>();
        services.AddScoped<IActor>(sp => sp.GetRequiredService<CurrentOfficer>());
        services.AddScoped<ScopeGuard>();
        services.AddSingleton<MotCua.Web.Identity.TokenIssuer>();
        services.AddSingleton<MotCua.Web.Identity.PendingSignIn>();

        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "motcua.antiforgery";
        });

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PublicPerMinute > 0 && o.SignInPerMinute > 0 && o.LookupPerMinute > 0, "Rate limits must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = ProblemExceptionHandler.ToProblemDetails(new ProblemException(429, "rate_limited",
                        "Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.")),
                });
            };
            options.AddPolicy(Policies.PublicRateLimit, context => PerClient(context, Limits(context).PublicPerMinute));
            options.AddPolicy(Policies.SignInRateLimit, context => PerClient(context, Limits(context).SignInPerMinute));
            options.AddPolicy(Policies.LookupRateLimit, context => PerClient(context, Limits(context).LookupPerMinute));
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
