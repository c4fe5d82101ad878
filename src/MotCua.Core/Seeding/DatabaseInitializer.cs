using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Core.Calendar;
using MotCua.Core.Data;
using MotCua.Core.Organisation;

namespace MotCua.Core.Seeding;

/// <summary>
/// Start-up work on the database: migrations (when configured), the bootstrap administrator and,
/// for demos, the sample organisation and officers. Idempotent: a second start changes nothing.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DataOptions> data,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public bool ShouldMigrate => database.Value.MigrateOnStart
        ?? (database.Value.Provider == DatabaseProvider.Sqlite || environment.IsDevelopment());

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(data.Value.FullPath);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (ShouldMigrate)
        {
            await MigrateAsync(cancellationToken);
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // The official holiday tables shipped with the product, whatever the demo setting.
        await services.GetRequiredService<CalendarService>().SeedOfficialTablesAsync(SeedResources.Read<HolidaysDocument>("holidays.json"), cancellationToken);
        var db = services.GetRequiredService<MotCuaDbContext>();
        if (await db.Officers.AnyAsync(cancellationToken))
        {
            return;
        }
        var seedDemo = database.Value.ShouldSeedDemo;
        if (seedDemo)
        {
            await services.GetRequiredService<DemoSeeder>().SeedOrganisationAsync(cancellationToken);
            services.GetRequiredService<UnitTreeCache>().Invalidate();
            await services.GetRequiredService<DemoSeeder>().SeedCatalogueAsync(cancellationToken);
        }
        await services.GetRequiredService<BootstrapAdministrator>().CreateAsync(cancellationToken);
        if (database.Value.ShouldSeedDemoOfficers)
        {
            await services.GetRequiredService<DemoSeeder>().SeedOfficersAsync(cancellationToken);
        }
    }
}
