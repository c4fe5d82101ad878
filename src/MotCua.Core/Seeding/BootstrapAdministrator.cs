using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Identity;
using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;

namespace MotCua.Core.Seeding;

/// <summary>
/// Creates <c>admin</c> on first start, holding every role on the root unit. The password comes from
/// <c>Bootstrap:AdminPassword</c>; in Development only, a random one is printed once. Never a fixed default.
/// </summary>
public sealed class BootstrapAdministrator(
    MotCuaDbContext db,
    AuditTrail audit,
    IPasswordHasher<Officer> hasher,
    IOptions<BootstrapOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<BootstrapAdministrator> logger)
{
    public const string UserName = "admin";

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        var password = options.Value.AdminPassword;
        var generated = false;
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "The database has no officers. Set Bootstrap__AdminPassword (at least 10 characters, letters and digits) for the first start.");
            }
            password = Passwords.Generate();
            generated = true;
        }
        try
        {
            Passwords.EnsureStrong(password, UserName, "Bootstrap:AdminPassword");
        }
        catch (ProblemException problem)
        {
            throw new InvalidOperationException($"Bootstrap:AdminPassword is too weak: {problem.Detail}", problem);
        }

        var root = await db.Units.OrderBy(u => u.Depth).ThenBy(u => u.AgencyCode).FirstOrDefaultAsync(cancellationToken);
        if (root is null)
        {
            var now = time.Now();
            root = new Unit { Name = "Ủy ban nhân dân tỉnh", Kind = UnitKind.Province, AgencyCode = "000.00.00.A00", CreatedAt = now, UpdatedAt = now };
            root.Path = Unit.PathOf(null, root.Id);
            db.Units.Add(root);
            audit.Record("unit.create", "unit", root.Id.ToString(), root.Id, "Tạo đơn vị gốc khi khởi tạo hệ thống; hãy đổi tên và mã định danh cho đúng.");
        }
        var admin = new Officer
        {
            UserName = UserName,
            FullName = "Quản trị hệ thống",
            UnitId = root.Id,
            CreatedAt = time.Now(),
            Grants = Enum.GetValues<Role>().Select(role => new RoleGrant { Role = role, UnitId = root.Id }).ToList(),
        };
        admin.PasswordHash = hasher.HashPassword(admin, password);
        db.Officers.Add(admin);
        audit.Record("officer.bootstrap", "officer", admin.Id.ToString(), root.Id, "Tạo tài khoản quản trị ban đầu admin với mọi vai trò trên đơn vị gốc.");
        await audit.SaveAsync(cancellationToken);

        if (generated)
        {
            Console.Out.WriteLine($"""

                ================================================================
                 MotCua: bootstrap administrator created (shown once)
                   user name: {UserName}
                   password:  {password}
                 Sign in, then enrol an authenticator app (TOTP) when asked.
                ================================================================

                """);
        }
        logger.LogInformation("Bootstrap administrator '{UserName}' created on unit {Unit}", UserName, root.Name);
    }
}
