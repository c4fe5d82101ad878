using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Calendar;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Domain.Organisation;
using MotCua.Domain.Text;

namespace MotCua.Core.Organisation;

/// <summary>Creates, renames and moves units of the organisation tree.</summary>
public sealed class UnitService(MotCuaDbContext db, AuditTrail audit, UnitTreeSource trees, CalendarProvider calendars, TimeProvider time)
{
    public async Task<IReadOnlyList<UnitSummary>> ListAsync(IReadOnlySet<Guid> visible, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        return tree.All().Where(u => visible.Contains(u.Id)).Select(u => Summarise(tree, u)).ToList();
    }

    public async Task<UnitSummary> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        var node = tree.Find(id) ?? throw ProblemException.NotFound("đơn vị");
        return Summarise(tree, node);
    }

    public async Task<UnitSummary> CreateAsync(CreateUnitRequest request, CancellationToken cancellationToken)
    {
        var name = VietnameseText.Normalize(request.Name);
        var code = VietnameseText.Normalize(request.AgencyCode).ToUpperInvariant();
        var kind = Validate(name, request.Kind, code);
        Unit? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken)
                ?? throw new ProblemException(400, "unit_parent_not_found", "Không tìm thấy đơn vị cấp trên");
        }
        else if (await db.Units.AnyAsync(cancellationToken))
        {
            throw ProblemException.BadRequest("unit_parent_required", "Thiếu đơn vị cấp trên", "Chỉ được tạo một đơn vị gốc; hãy chọn đơn vị cấp trên.");
        }
        await EnsureCodeFreeAsync(code, null, cancellationToken);

        var now = time.Now();
        var unit = new Unit
        {
            ParentId = parent?.Id,
            Name = name,
            Kind = kind,
            AgencyCode = code,
            Depth = parent is null ? 0 : parent.Depth + 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        unit.Path = Unit.PathOf(parent, unit.Id);
        db.Units.Add(unit);
        audit.Record("unit.create", "unit", unit.Id.ToString(), unit.Id, $"Tạo đơn vị \"{name}\" ({kind.Vietnamese()}, mã {code}).");
        await SaveAsync(cancellationToken);
        return await GetAsync(unit.Id, cancellationToken);
    }

    /// <summary>Renames, re-codes, (de)activates or moves a unit; a move carries its whole subtree.</summary>
    public async Task<UnitSummary> UpdateAsync(Guid id, UpdateUnitRequest request, CancellationToken cancellationToken)
    {
        var name = VietnameseText.Normalize(request.Name);
        var code = VietnameseText.Normalize(request.AgencyCode).ToUpperInvariant();
        var kind = Validate(name, request.Kind, code);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw ProblemException.NotFound("đơn vị");
        await EnsureCodeFreeAsync(code, id, cancellationToken);

        var changes = new List<string>();
        if (unit.Name != name) changes.Add($"tên \"{unit.Name}\" → \"{name}\"");
        if (unit.AgencyCode != code) changes.Add($"mã {unit.AgencyCode} → {code}");
        if (unit.Kind != kind) changes.Add($"loại {unit.Kind.Vietnamese()} → {kind.Vietnamese()}");
        if (unit.IsActive != request.IsActive) changes.Add(request.IsActive ? "kích hoạt lại" : "ngừng hoạt động");
        unit.Name = name;
        unit.AgencyCode = code;
        unit.Kind = kind;
        unit.IsActive = request.IsActive;
        unit.UpdatedAt = time.Now();

        if (request.ParentId != unit.ParentId)
        {
            changes.Add(await MoveAsync(unit, request.ParentId, cancellationToken));
        }
        audit.Record("unit.update", "unit", unit.Id.ToString(), unit.Id,
            changes.Count == 0 ? $"Cập nhật đơn vị \"{name}\" (không thay đổi)." : $"Cập nhật đơn vị \"{name}\": {string.Join("; ", changes)}.");
        await SaveAsync(cancellationToken);
        return await GetAsync(unit.Id, cancellationToken);
    }

    /// <summary>Saves with the audit entry; working hours are inherited down the tree, so calendars reload too.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CalendarProvider.BumpAsync(db, cancellationToken);
        await ChangeStamp.BumpAsync(db, ChangeStamp.Units, cancellationToken);
        await audit.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        trees.Invalidate();
        calendars.Invalidate();
    }

    private async Task<string> MoveAsync(Unit unit, Guid? newParentId, CancellationToken cancellationToken)
    {
        if (newParentId is null)
        {
            throw ProblemException.BadRequest("unit_parent_required", "Thiếu đơn vị cấp trên", "Không thể chuyển đơn vị thành đơn vị gốc.");
        }
        var parent = await db.Units.FirstOrDefaultAsync(u => u.Id == newParentId, cancellationToken)
            ?? throw new ProblemException(400, "unit_parent_not_found", "Không tìm thấy đơn vị cấp trên");
        if (parent.Path.StartsWith(unit.Path, StringComparison.Ordinal))
        {
            throw ProblemException.BadRequest("unit_cycle", "Không thể chuyển đơn vị vào chính nó",
                "Đơn vị cấp trên mới nằm trong cây đơn vị đang chuyển.");
        }
        var oldPath = unit.Path;
        var depthShift = parent.Depth + 1 - unit.Depth;
        var descendants = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(cancellationToken);
        unit.ParentId = parent.Id;
        unit.Path = Unit.PathOf(parent, unit.Id);
        unit.Depth = parent.Depth + 1;
        foreach (var descendant in descendants)
        {
            descendant.Path = unit.Path + descendant.Path[oldPath.Length..];
            descendant.Depth += depthShift;
        }
        return $"chuyển về trực thuộc \"{parent.Name}\"";
    }

    private static UnitKind Validate(string name, string? kindKey, string code)
    {
        var validation = new Validation()
            .Required("name", name, "tên đơn vị")
            .MaxLength("name", name, 300, "tên đơn vị");
        if (!UnitKinds.TryParse(kindKey, out var kind))
        {
            validation.Add("kind", "Loại đơn vị không hợp lệ.");
        }
        if (!AgencyCode.IsValid(code))
        {
            validation.Add("agencyCode", "Mã định danh cơ quan không đúng dạng (ví dụ 000.00.01.H22).");
        }
        validation.ThrowIfInvalid();
        return kind;
    }

    private async Task EnsureCodeFreeAsync(string code, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Units.AnyAsync(u => u.AgencyCode == code && u.Id != except, cancellationToken))
        {
            throw new ProblemException(409, "agency_code_taken", "Mã định danh đã được sử dụng",
                $"Mã định danh {code} đã được gán cho đơn vị khác.",
                new Dictionary<string, string[]> { ["agencyCode"] = ["Mã định danh đã được sử dụng."] });
        }
    }

    internal static UnitSummary Summarise(UnitTree tree, UnitNode u) =>
        new(u.Id, u.ParentId, u.Name, u.Kind.Key(), u.Kind.Vietnamese(), u.AgencyCode, u.IsActive, u.Depth, tree.PathName(u.Id));
}
