using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;
using MotCua.Domain.Text;

namespace MotCua.Core.Identity;

/// <summary>Administration of officer accounts and their role grants.</summary>
public sealed partial class OfficerService(
    MotCuaDbContext db,
    AuditTrail audit,
    UnitTreeSource trees,
    IPasswordHasher<Officer> hasher,
    TimeProvider time)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^\+?\d{9,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    public async Task<Page<OfficerSummary>> ListAsync(IReadOnlySet<Guid> visibleUnits, Guid? unitId, string? query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var officers = db.Officers.AsNoTracking().Where(o => visibleUnits.Contains(o.UnitId));
        if (unitId is { } unit)
        {
            officers = officers.Where(o => o.UnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = VietnameseText.Normalize(query).ToLowerInvariant();
            officers = officers.Where(o => o.UserName.Contains(q) || o.FullName.ToLower().Contains(q));
        }
        var total = await officers.CountAsync(cancellationToken);
        var items = await officers.Include(o => o.Grants).OrderBy(o => o.UserName)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var tree = await trees.GetAsync(cancellationToken);
        return new Page<OfficerSummary>(items.Select(o => Summarise(o, tree)).ToList(), total, page, pageSize);
    }

    public async Task<OfficerSummary> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.AsNoTracking().Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("cán bộ");
        return Summarise(officer, await trees.GetAsync(cancellationToken));
    }

    /// <summary>Units an administrator must cover to manage this officer: home unit and every granted unit.</summary>
    public async Task<IReadOnlyList<Guid>> UnitsOfAsync(Guid id, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.AsNoTracking().Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("cán bộ");
        return [officer.UnitId, .. officer.Grants.Select(g => g.UnitId)];
    }

    public async Task<OfficerWithPassword> CreateAsync(CreateOfficerRequest request, CancellationToken cancellationToken)
    {
        var userName = (request.UserName ?? "").Trim().ToLowerInvariant();
        var fullName = VietnameseText.Normalize(request.FullName);
        var validation = new Validation()
            .When(!UserNamePattern().IsMatch(userName), "userName", "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.");
        var tree = await trees.GetAsync(cancellationToken);
        var grants = ValidateProfile(validation, fullName, request.Email, request.Phone, request.UnitId, request.Roles, tree);
        validation.ThrowIfInvalid();
        if (await db.Officers.AnyAsync(o => o.UserName == userName, cancellationToken))
        {
            throw new ProblemException(409, "user_name_taken", "Tên đăng nhập đã tồn tại", $"Tên đăng nhập \"{userName}\" đã được sử dụng.",
                new Dictionary<string, string[]> { ["userName"] = ["Tên đăng nhập đã được sử dụng."] });
        }
        var password = Passwords.Generate();
        var officer = new Officer
        {
            UserName = userName,
            FullName = fullName,
            Email = Blank(request.Email),
            Phone = Blank(request.Phone),
            UnitId = request.UnitId,
            MustChangePassword = true,
            CreatedAt = time.Now(),
            Grants = grants.Select(g => new RoleGrant { Role = g.Role, UnitId = g.UnitId }).ToList(),
        };
        officer.PasswordHash = hasher.HashPassword(officer, password);
        db.Officers.Add(officer);
        audit.Record("officer.create", "officer", officer.Id.ToString(), officer.UnitId,
            $"Tạo tài khoản {userName} ({fullName}) tại {tree.Find(officer.UnitId)?.Name}; vai trò: {DescribeGrants(officer.Grants, tree)}.");
        await audit.SaveAsync(cancellationToken);
        return new OfficerWithPassword(Summarise(officer, tree), password);
    }

    public async Task<OfficerSummary> UpdateAsync(Guid id, UpdateOfficerRequest request, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("cán bộ");
        var fullName = VietnameseText.Normalize(request.FullName);
        var validation = new Validation();
        var tree = await trees.GetAsync(cancellationToken);
        var grants = ValidateProfile(validation, fullName, request.Email, request.Phone, request.UnitId, request.Roles, tree);
        validation.ThrowIfInvalid();

        var before = DescribeGrants(officer.Grants, tree);
        officer.FullName = fullName;
        officer.Email = Blank(request.Email);
        officer.Phone = Blank(request.Phone);
        officer.UnitId = request.UnitId;
        var rightsChanged = officer.IsActive != request.IsActive;
        officer.IsActive = request.IsActive;
        var wanted = grants.ToHashSet();
        foreach (var removed in officer.Grants.Where(g => !wanted.Contains((g.Role, g.UnitId))).ToList())
        {
            officer.Grants.Remove(removed);
            rightsChanged = true;
        }
        foreach (var (role, unitId) in wanted.Where(w => !officer.Grants.Any(g => g.Role == w.Role && g.UnitId == w.UnitId)))
        {
            officer.Grants.Add(new RoleGrant { OfficerId = officer.Id, Role = role, UnitId = unitId });
            rightsChanged = true;
        }
        if (rightsChanged)
        {
            // Open sessions pick up the new rights on their next request; a deactivated officer is signed out.
            officer.SecurityStamp = Officer.NewStamp();
        }
        audit.Record("officer.update", "officer", officer.Id.ToString(), officer.UnitId,
            $"Cập nhật tài khoản {officer.UserName}: {(officer.IsActive ? "đang hoạt động" : "ngừng hoạt động")}; vai trò trước: {before}; vai trò sau: {DescribeGrants(officer.Grants, tree)}.");
        await audit.SaveAsync(cancellationToken);
        return Summarise(officer, tree);
    }

    public async Task<OfficerWithPassword> ResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        var officer = await LoadAsync(id, cancellationToken);
        var password = Passwords.Generate();
        officer.PasswordHash = hasher.HashPassword(officer, password);
        officer.MustChangePassword = true;
        officer.SecurityStamp = Officer.NewStamp();
        officer.AccessFailedCount = 0;
        officer.LockoutEnd = null;
        audit.Record("officer.reset_password", "officer", officer.Id.ToString(), officer.UnitId, $"Đặt lại mật khẩu tài khoản {officer.UserName}.");
        await audit.SaveAsync(cancellationToken);
        return new OfficerWithPassword(Summarise(officer, await trees.GetAsync(cancellationToken)), password);
    }

    public async Task<OfficerSummary> UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var officer = await LoadAsync(id, cancellationToken);
        officer.AccessFailedCount = 0;
        officer.LockoutEnd = null;
        audit.Record("officer.unlock", "officer", officer.Id.ToString(), officer.UnitId, $"Mở khóa tài khoản {officer.UserName}.");
        await audit.SaveAsync(cancellationToken);
        return Summarise(officer, await trees.GetAsync(cancellationToken));
    }

    public async Task<OfficerSummary> ResetTotpAsync(Guid id, CancellationToken cancellationToken)
    {
        var officer = await LoadAsync(id, cancellationToken);
        officer.TotpEnabled = false;
        officer.TotpSecretProtected = null;
        officer.TotpLastStep = 0;
        officer.SecurityStamp = Officer.NewStamp();
        audit.Record("officer.reset_totp", "officer", officer.Id.ToString(), officer.UnitId, $"Đặt lại xác thực hai lớp của tài khoản {officer.UserName}.");
        await audit.SaveAsync(cancellationToken);
        return Summarise(officer, await trees.GetAsync(cancellationToken));
    }

    private async Task<Officer> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Officers.Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw ProblemException.NotFound("cán bộ");

    private static List<(Role Role, Guid UnitId)> ValidateProfile(
        Validation validation, string fullName, string? email, string? phone, Guid unitId, IReadOnlyList<GrantRequest>? roles, UnitTree tree)
    {
        validation.Required("fullName", fullName, "họ và tên").MaxLength("fullName", fullName, 200, "họ và tên");
        if (!string.IsNullOrWhiteSpace(email) && !MailAddress.TryCreate(email.Trim(), out _))
        {
            validation.Add("email", "Địa chỉ thư điện tử không hợp lệ.");
        }
        if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
        {
            validation.Add("phone", "Số điện thoại không hợp lệ.");
        }
        if (tree.Find(unitId) is null)
        {
            validation.Add("unitId", "Vui lòng chọn đơn vị công tác.");
        }
        var grants = new List<(Role, Guid)>();
        for (var i = 0; i < (roles?.Count ?? 0); i++)
        {
            var grant = roles![i];
            if (!RoleNames.TryParse(grant.Role, out var role))
            {
                validation.Add($"roles[{i}].role", "Vai trò không hợp lệ.");
            }
            else if (tree.Find(grant.UnitId) is null)
            {
                validation.Add($"roles[{i}].unitId", "Không tìm thấy đơn vị được giao vai trò.");
            }
            else if (!grants.Contains((role, grant.UnitId)))
            {
                grants.Add((role, grant.UnitId));
            }
        }
        return grants;
    }

    private OfficerSummary Summarise(Officer officer, UnitTree tree) => new(
        officer.Id,
        officer.UserName,
        officer.FullName,
        officer.Email,
        officer.Phone,
        officer.UnitId,
        tree.Find(officer.UnitId)?.Name ?? "",
        officer.IsActive,
        officer.LockoutEnd is { } end && end > time.GetUtcNow(),
        officer.TotpEnabled,
        officer.MustChangePassword,
        officer.Grants.OrderBy(g => g.Role).Select(g => new GrantView(g.Role.Key(), g.Role.Vietnamese(), g.UnitId, tree.Find(g.UnitId)?.Name ?? "")).ToList());

    private static string DescribeGrants(IEnumerable<RoleGrant> grants, UnitTree tree)
    {
        var text = string.Join(", ", grants.Select(g => $"{g.Role.Vietnamese()} tại {tree.Find(g.UnitId)?.Name}"));
        return text.Length == 0 ? "không có" : text;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
