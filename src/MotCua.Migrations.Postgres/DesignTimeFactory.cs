using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MotCua.Core.Data;

namespace MotCua.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MotCuaDbContext>
{
    public MotCuaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MotCuaDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=motcua_design;Username=postgres");
        return new MotCuaDbContext(options.Options);
    }
}
