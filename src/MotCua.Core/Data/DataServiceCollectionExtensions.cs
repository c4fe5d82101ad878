using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MotCua.Core.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrations = "MotCua.Migrations.Sqlite";
    public const string PostgresMigrations = "MotCua.Migrations.Postgres";

    /// <summary>Registers the DbContext for the configured provider (SQLite file under <c>Data:Directory</c> by default).</summary>
    public static IServiceCollection AddMotCuaData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Data:Directory must not be empty.")
            .ValidateOnStart();

        // Pooled: a request rents a context instead of building one and its internal services. The options are
        // resolved when the first context is built, so that every configuration source (tests included) is in place.
        services.AddDbContextPool<MotCuaDbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var data = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            Configure(options, database.Provider, ResolveConnectionString(database.Provider, provider.GetRequiredService<IConfiguration>(), data));
            options.AddInterceptors(provider.GetRequiredService<CacheEviction>());
        });
        return services;
    }

    public static string ResolveConnectionString(DatabaseProvider provider, IConfiguration configuration, DataOptions data)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres
                ? PostgresConnectionDefaults.Apply(postgres)
                : throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Postgres is empty (set ConnectionStrings__Postgres).");
        }
        if (configuration.GetConnectionString("Sqlite") is { Length: > 0 } sqlite)
        {
            return sqlite;
        }
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(data.FullPath, "motcua.db"),
            Pooling = true,
        }.ToString();
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations));
            options.AddInterceptors(SqlitePragmas.Instance);
        }
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }
}
