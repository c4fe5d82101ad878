using MotCua.Core.Audit;
using MotCua.Core.Seeding;

namespace MotCua.Web.Hosting;

/// <summary>
/// Maintenance commands run by the same binary: <c>migrate</c> applies pending migrations and exits
/// (how production upgrades the schema before starting a new version); <c>verify-audit</c> checks the
/// audit chain and exits non-zero when it is broken.
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        switch (command)
        {
            case "migrate":
                await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                Console.Out.WriteLine("Migrations applied.");
                return true;
            case "verify-audit":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
                    Console.Out.WriteLine(result.Message);
                    Environment.ExitCode = result.IsValid ? 0 : 1;
                }
                return true;
            default:
                return false;
        }
    }
}
