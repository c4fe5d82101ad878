using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MotCua.Core.Audit;
using MotCua.Core.Catalogue;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Identity;
using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;
using MotCua.Domain.Text;

namespace MotCua.Core.Seeding;

/// <summary>Demo organisation (from the sample catalogue) and one demo officer per role, with generated passwords printed once.</summary>
public sealed class DemoSeeder(
    MotCuaDbContext db,
    AuditTrail audit,
    IPasswordHasher<Officer> hasher,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    /// <summary>User name, full name, home unit key, role, unit key the role is granted on.</summary>
    private static readonly (string UserName, string FullName, string HomeUnit, Role Role, string GrantUnit)[] DemoOfficers =
    [
        ("binhson.tiepnhan", "Nguyễn Thị Lan", "qng-binhson-motcua", Role.Reception, "qng-binhson"),
        ("binhson.chuyenvien", "Trần Văn Minh", "qng-binhson", Role.Specialist, "qng-binhson"),
        ("binhson.lanhdao", "Phạm Quốc Hùng", "qng-binhson", Role.Leader, "qng-binhson"),
        ("binhson.vanthu", "Lê Thị Hoa", "qng-binhson", Role.Clerk, "qng-binhson"),
        ("binhson.quantri", "Võ Đức Thành", "qng-binhson", Role.Administrator, "qng-binhson"),
        ("ttpvhcc.tiepnhan", "Đặng Thu Trang", "qng-ttpvhcc", Role.Reception, "qng-ttpvhcc"),
        ("stp.chuyenvien", "Huỳnh Văn Nam", "qng-stp", Role.Specialist, "qng-stp"),
        ("stp.lanhdao", "Bùi Thị Mai", "qng-stp", Role.Leader, "qng-stp"),
        ("tinh.theodoi", "Ngô Minh Tuấn", "qng", Role.Monitor, "qng"),
    ];

    public async Task SeedOrganisationAsync(CancellationToken cancellationToken)
    {
        if (await db.Units.AnyAsync(cancellationToken))
        {
            return;
        }
        var sample = SampleCatalogue.Load();
        var now = time.Now();
        var byKey = new Dictionary<string, Unit>();
        var remaining = sample.Units.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(u => u.ParentId is null || byKey.ContainsKey(u.ParentId)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The sample organisation has units whose parent is missing.");
            }
            foreach (var source in ready)
            {
                var parent = source.ParentId is null ? null : byKey[source.ParentId];
                if (!UnitKinds.TryParse(source.Kind, out var kind))
                {
                    throw new InvalidOperationException($"Unknown unit kind '{source.Kind}' in the sample organisation.");
                }
                var unit = new Unit
                {
                    ParentId = parent?.Id,
                    ExternalKey = source.Id,
                    Name = VietnameseText.Normalize(source.Name),
                    Kind = kind,
                    AgencyCode = source.AgencyCode,
                    Depth = parent is null ? 0 : parent.Depth + 1,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                unit.Path = Unit.PathOf(parent, unit.Id);
                byKey[source.Id] = unit;
                db.Units.Add(unit);
                remaining.Remove(source);
            }
        }
        var order = 0;
        foreach (var field in sample.Fields)
        {
            db.Fields.Add(new Field { Code = field.Code, Name = VietnameseText.Normalize(field.Name), SortOrder = ++order });
        }
        audit.Record("seed.organisation", "unit", null, null, $"Khởi tạo cây tổ chức mẫu: {byKey.Count} đơn vị, {sample.Fields.Count} lĩnh vực.");
        await audit.SaveAsync(cancellationToken);
        logger.LogInformation("Seeded the demo organisation: {Count} units", byKey.Count);
    }

    /// <summary>The sample catalogue, announced by a demo decision and in force since 1/7/2025.</summary>
    public async Task SeedCatalogueAsync(CancellationToken cancellationToken)
    {
        if (await db.Procedures.AnyAsync(cancellationToken))
        {
            return;
        }
        var fieldCodes = (await db.Fields.Select(f => f.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = time.Now();
        var count = 0;
        foreach (var input in SampleCatalogue.LoadEditedProcedures())
        {
            var version = new ProcedureVersion
            {
                Number = 1,
                State = VersionState.Announced,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = "system",
                DecisionNumber = "1234/QĐ-UBND (dữ liệu mẫu)",
                DecisionDate = new DateOnly(2025, 6, 25),
                EffectiveDate = new DateOnly(2025, 7, 1),
                LegalBasisEffectiveDate = new DateOnly(2025, 7, 1),
                PublishedOnNationalDatabase = new DateOnly(2025, 6, 30),
            };
            var validation = new Validation();
            if (!ProcedureContent.Apply(input, version, fieldCodes, validation))
            {
                throw new InvalidOperationException($"The sample procedure {input.Code} is invalid.");
            }
            var procedure = new Procedure { Code = input.Code!, CreatedAt = now };
            version.ProcedureId = procedure.Id;
            procedure.Versions.Add(version);
            db.Procedures.Add(procedure);
            count++;
        }
        await CatalogueIndex.BumpAsync(db, cancellationToken);
        audit.Record("seed.catalogue", "procedure", null, null, $"Khởi tạo danh mục thủ tục mẫu: {count} thủ tục.");
        await audit.SaveAsync(cancellationToken);
        logger.LogInformation("Seeded the demo catalogue: {Count} procedures", count);
    }

    public async Task SeedOfficersAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => u.ExternalKey != null).ToDictionaryAsync(u => u.ExternalKey!, cancellationToken);
        var created = new List<(string UserName, string FullName, string Role, string Password)>();
        foreach (var demo in DemoOfficers)
        {
            if (!units.TryGetValue(demo.HomeUnit, out var home) || !units.TryGetValue(demo.GrantUnit, out var grantUnit))
            {
                continue;
            }
            var password = Passwords.Generate();
            var officer = new Officer
            {
                UserName = demo.UserName,
                FullName = demo.FullName,
                UnitId = home.Id,
                CreatedAt = time.Now(),
                Grants = [new RoleGrant { Role = demo.Role, UnitId = grantUnit.Id }],
            };
            officer.PasswordHash = hasher.HashPassword(officer, password);
            db.Officers.Add(officer);
            created.Add((demo.UserName, demo.FullName, $"{demo.Role.Vietnamese()} – {grantUnit.Name}", password));
        }
        audit.Record("seed.officers", "officer", null, null, $"Khởi tạo {created.Count} tài khoản cán bộ mẫu.");
        await audit.SaveAsync(cancellationToken);

        if (created.Count > 0)
        {
            var lines = created.Select(c => $"   {c.UserName,-20} {c.Password,-18} {c.Role}");
            Console.Out.WriteLine($"""

                ================================================================
                 MotCua: demo officers (passwords shown once)
                {string.Join(Environment.NewLine, lines)}
                ================================================================

                """);
        }
    }
}
