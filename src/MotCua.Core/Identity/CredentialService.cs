using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Domain.Organisation;

namespace MotCua.Core.Identity;

public enum SignInStatus
{
    Succeeded,
    /// <summary>The password was right and the officer has TOTP: ask for the code (interactive sign-in only).</summary>
    TotpRequired,
    Failed,
    LockedOut,
}

/// <summary>Who signed in, and what they still must do before full access.</summary>
public sealed record OfficerIdentity(
    Guid Id,
    string UserName,
    string FullName,
    Guid UnitId,
    string SecurityStamp,
    bool TotpEnabled,
    bool TotpEnrolmentPending,
    bool MustChangePassword,
    IReadOnlyList<(Role Role, Guid UnitId)> Grants);

public sealed record SignInOutcome(SignInStatus Status, OfficerIdentity? Identity = null);

/// <summary>Password and TOTP checks with lockout; every attempt is audited.</summary>
public sealed class CredentialService(
    MotCuaDbContext db,
    AuditTrail audit,
    TotpAuthenticator totp,
    IPasswordHasher<Officer> hasher,
    TimeProvider time,
    IOptions<CredentialOptions> options,
    OfficerIdentityCache identities)
{
    /// <summary>
    /// Checks the password and, for an officer with TOTP, the code. With <paramref name="requireTotpNow"/>
    /// false (interactive sign-in) a missing code answers <see cref="SignInStatus.TotpRequired"/>.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string? totpCode, bool requireTotpNow, CancellationToken cancellationToken)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var officer = name.Length == 0 ? null : await db.Officers.Include(o => o.Grants).FirstOrDefaultAsync(o => o.UserName == name, cancellationToken);
        if (officer is null || !officer.IsActive)
        {
            // Same work as a real check, so response time does not reveal which user names exist.
            hasher.VerifyHashedPassword(DummyOfficer, DummyHash, password ?? "");
            audit.Record("auth.sign_in_failed", "officer", null, null, $"Đăng nhập thất bại với tên \"{Shorten(name)}\".");
            await audit.SaveAsync(cancellationToken);
            return new SignInOutcome(SignInStatus.Failed);
        }
        if (IsLockedOut(officer))
        {
            audit.Record("auth.sign_in_locked", "officer", officer.Id.ToString(), officer.UnitId, $"Đăng nhập khi tài khoản {officer.UserName} đang bị khóa.");
            await audit.SaveAsync(cancellationToken);
            return new SignInOutcome(SignInStatus.LockedOut);
        }
        var check = hasher.VerifyHashedPassword(officer, officer.PasswordHash, password ?? "");
        if (check == PasswordVerificationResult.Failed)
        {
            return await FailAsync(officer, "sai mật khẩu", cancellationToken);
        }
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            officer.PasswordHash = hasher.HashPassword(officer, password!);
        }
        if (officer.TotpEnabled)
        {
            if (totpCode is null && !requireTotpNow)
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SignInOutcome(SignInStatus.TotpRequired, Describe(officer));
            }
            if (!AcceptTotp(officer, totpCode))
            {
                return await FailAsync(officer, "sai mã xác thực", cancellationToken);
            }
        }
        return await SucceedAsync(officer, cancellationToken);
    }

    /// <summary>Second step of an interactive sign-in: the TOTP code, after the password was accepted.</summary>
    public async Task<SignInOutcome> VerifyTotpAsync(Guid officerId, string securityStamp, string? code, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        if (officer is null || !officer.IsActive || officer.SecurityStamp != securityStamp || !officer.TotpEnabled)
        {
            return new SignInOutcome(SignInStatus.Failed);
        }
        if (IsLockedOut(officer))
        {
            return new SignInOutcome(SignInStatus.LockedOut);
        }
        return AcceptTotp(officer, code)
            ? await SucceedAsync(officer, cancellationToken)
            : await FailAsync(officer, "sai mã xác thực", cancellationToken);
    }

    /// <summary>
    /// The identity of an active officer, as every signed-in request re-checks it: from this node's
    /// <see cref="OfficerIdentityCache"/> (evicted by any committed change of the officer or their roles), otherwise
    /// one precompiled query of the columns it needs.
    /// </summary>
    public async Task<OfficerIdentity?> FindIdentityAsync(Guid officerId, CancellationToken cancellationToken)
    {
        if (identities.TryGet(officerId, out var cached))
        {
            return cached;
        }
        var generation = identities.Generation;
        var row = await IdentityQuery(db, officerId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var identity = Describe(row.Id, row.UserName, row.FullName, row.UnitId, row.SecurityStamp, row.TotpEnabled, row.MustChangePassword,
            row.Grants.Select(g => (g.Role, g.UnitId)).ToList());
        identities.Add(identity, generation);
        return identity;
    }

    private static readonly Func<MotCuaDbContext, Guid, CancellationToken, Task<IdentityRow?>> IdentityQuery = EF.CompileAsyncQuery(
        (MotCuaDbContext db, Guid id, CancellationToken _) => db.Officers.AsNoTracking()
            .Where(o => o.Id == id && o.IsActive)
            .Select(o => new IdentityRow(o.Id, o.UserName, o.FullName, o.UnitId, o.SecurityStamp, o.TotpEnabled, o.MustChangePassword,
                o.Grants.Select(g => new GrantRow(g.Role, g.UnitId)).ToList()))
            .FirstOrDefault());

    private sealed record IdentityRow(Guid Id, string UserName, string FullName, Guid UnitId, string SecurityStamp, bool TotpEnabled, bool MustChangePassword, List<GrantRow> Grants);

    private sealed record GrantRow(Role Role, Guid UnitId);

    public async Task<OfficerIdentity> ChangePasswordAsync(Guid officerId, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken)
            ?? throw ProblemException.NotFound("cán bộ");
        if (hasher.VerifyHashedPassword(officer, officer.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throw new ProblemException(400, "wrong_password", "Mật khẩu hiện tại không đúng", null,
                new Dictionary<string, string[]> { ["currentPassword"] = ["Mật khẩu hiện tại không đúng."] });
        }
        Passwords.EnsureStrong(newPassword, officer.UserName);
        if (newPassword == currentPassword)
        {
            throw new ProblemException(400, "weak_password", "Mật khẩu mới phải khác mật khẩu hiện tại", null,
                new Dictionary<string, string[]> { ["newPassword"] = ["Mật khẩu mới phải khác mật khẩu hiện tại."] });
        }
        officer.PasswordHash = hasher.HashPassword(officer, newPassword!);
        officer.MustChangePassword = false;
        officer.SecurityStamp = Officer.NewStamp();
        audit.Record("account.password_change", "officer", officer.Id.ToString(), officer.UnitId, $"Cán bộ {officer.UserName} đổi mật khẩu.");
        await audit.SaveAsync(cancellationToken);
        return Describe(officer);
    }

    public async Task<TotpEnrolment> BeginTotpEnrolmentAsync(Guid officerId, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken) ?? throw ProblemException.NotFound("cán bộ");
        if (officer.TotpEnabled)
        {
            throw ProblemException.Conflict("totp_already_enabled", "Xác thực hai lớp đã được bật",
                "Liên hệ quản trị viên nếu cần đặt lại ứng dụng xác thực.");
        }
        var (secret, protectedSecret) = totp.NewSecret();
        officer.TotpSecretProtected = protectedSecret;
        audit.Record("account.totp_setup", "officer", officer.Id.ToString(), officer.UnitId, $"Cán bộ {officer.UserName} bắt đầu đăng ký xác thực hai lớp.");
        await audit.SaveAsync(cancellationToken);
        return totp.Describe(secret, officer.UserName);
    }

    /// <summary>The enrolment started but not yet confirmed, so the QR code can be shown again.</summary>
    public async Task<TotpEnrolment?> PendingTotpEnrolmentAsync(Guid officerId, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        return officer is { TotpEnabled: false, TotpSecretProtected: { } secret }
            ? totp.Describe(totp.Unprotect(secret), officer.UserName)
            : null;
    }

    public async Task<OfficerIdentity> ConfirmTotpEnrolmentAsync(Guid officerId, string? code, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.Include(o => o.Grants).FirstOrDefaultAsync(o => o.Id == officerId, cancellationToken)
            ?? throw ProblemException.NotFound("cán bộ");
        if (officer.TotpEnabled)
        {
            throw ProblemException.Conflict("totp_already_enabled", "Xác thực hai lớp đã được bật");
        }
        if (officer.TotpSecretProtected is null)
        {
            throw ProblemException.Conflict("totp_not_started", "Chưa tạo mã QR", "Hãy tạo mã QR và quét bằng ứng dụng xác thực trước.");
        }
        if (!AcceptTotp(officer, code))
        {
            throw new ProblemException(400, "invalid_totp", "Mã xác thực không đúng",
                "Kiểm tra đồng hồ của điện thoại và nhập mã 6 số đang hiển thị.",
                new Dictionary<string, string[]> { ["code"] = ["Mã xác thực không đúng."] });
        }
        officer.TotpEnabled = true;
        officer.SecurityStamp = Officer.NewStamp();
        audit.Record("account.totp_enabled", "officer", officer.Id.ToString(), officer.UnitId, $"Cán bộ {officer.UserName} bật xác thực hai lớp.");
        await audit.SaveAsync(cancellationToken);
        return Describe(officer);
    }

    private bool AcceptTotp(Officer officer, string? code)
    {
        if (officer.TotpSecretProtected is null)
        {
            return false;
        }
        var step = totp.Verify(officer.TotpSecretProtected, code, officer.TotpLastStep);
        if (step is null)
        {
            return false;
        }
        officer.TotpLastStep = step.Value;
        return true;
    }

    private bool IsLockedOut(Officer officer) => officer.LockoutEnd is { } end && end > time.GetUtcNow();

    private async Task<SignInOutcome> FailAsync(Officer officer, string reason, CancellationToken cancellationToken)
    {
        officer.AccessFailedCount++;
        var locked = officer.AccessFailedCount >= options.Value.LockoutThreshold;
        if (locked)
        {
            officer.LockoutEnd = time.Now() + options.Value.LockoutDuration;
            officer.AccessFailedCount = 0;
            audit.Record("auth.locked", "officer", officer.Id.ToString(), officer.UnitId,
                $"Tài khoản {officer.UserName} bị khóa {options.Value.LockoutDuration.TotalMinutes:0} phút sau {options.Value.LockoutThreshold} lần đăng nhập sai.");
        }
        else
        {
            audit.Record("auth.sign_in_failed", "officer", officer.Id.ToString(), officer.UnitId, $"Đăng nhập thất bại ({reason}) với tài khoản {officer.UserName}.");
        }
        await audit.SaveAsync(cancellationToken);
        return new SignInOutcome(locked ? SignInStatus.LockedOut : SignInStatus.Failed);
    }

    private async Task<SignInOutcome> SucceedAsync(Officer officer, CancellationToken cancellationToken)
    {
        officer.AccessFailedCount = 0;
        officer.LockoutEnd = null;
        officer.LastSignInAt = time.Now();
        audit.Record("auth.sign_in", "officer", officer.Id.ToString(), officer.UnitId, $"Cán bộ {officer.UserName} đăng nhập.");
        await audit.SaveAsync(cancellationToken);
        return new SignInOutcome(SignInStatus.Succeeded, Describe(officer));
    }

    private static OfficerIdentity Describe(Officer officer) => Describe(officer.Id, officer.UserName, officer.FullName, officer.UnitId,
        officer.SecurityStamp, officer.TotpEnabled, officer.MustChangePassword, officer.Grants.Select(g => (g.Role, g.UnitId)).ToList());

    /// <summary>Officers with administrator rights must use a second factor: until they enrol, it is pending.</summary>
    private static OfficerIdentity Describe(Guid id, string userName, string fullName, Guid unitId, string securityStamp, bool totpEnabled,
        bool mustChangePassword, List<(Role Role, Guid UnitId)> grants) =>
        new(id, userName, fullName, unitId, securityStamp, totpEnabled, !totpEnabled && grants.Any(g => g.Role == Role.Administrator), mustChangePassword, grants);

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64];

    private static readonly Officer DummyOfficer = new() { UserName = "dummy" };
    private static readonly string DummyHash = new PasswordHasher<Officer>().HashPassword(DummyOfficer, Passwords.Generate());
}
