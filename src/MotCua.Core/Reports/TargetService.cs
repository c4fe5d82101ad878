using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Organisation;
using MotCua.Domain.Reports;

namespace MotCua.Core.Reports;

/// <summary>A target as set for a year: the central value (stored or the plan's default) and any unit overrides.</summary>
public sealed record TargetEntry(string ItemKey, string Name, decimal Central, bool CentralSetByHand, IReadOnlyList<TargetOverride> Overrides);

public sealed record TargetOverride(Guid UnitId, string UnitName, decimal Value, string Reason, string SetBy, DateTimeOffset SetAt);

/// <summary>A request to set the central target (no unit) or a unit's own target (with its reason); the value in percent.</summary>
public sealed record SetTargetRequest(Guid? UnitId, decimal? Percent, string? Reason);

/// <summary>Yearly targets: the province sets central ones; a unit's target follows the +10% rule unless overridden with a reason.</summary>
public sealed class TargetService(MotCuaDbContext db, AuditTrail audit, UnitTreeSource trees, IActor actor, TimeProvider time)
{
    public async Task<IReadOnlyList<TargetEntry>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var tree = await trees.GetAsync(cancellationToken);
        var stored = await db.Set<TargetSetting>().AsNoTracking().Where(t => t.Year == year).ToListAsync(cancellationToken);
        return Targets.Central.Select(t =>
        {
            var central = stored.FirstOrDefault(s => s.ItemKey == t.ItemKey && s.UnitId == null);
            var overrides = stored.Where(s => s.ItemKey == t.ItemKey && s.UnitId is not null)
                .Select(s => new TargetOverride(s.UnitId!.Value, tree.Find(s.UnitId.Value)?.Name ?? "", s.Value, s.Reason ?? "", s.SetBy, s.SetAt))
                .OrderBy(o => o.UnitName, StringComparer.Ordinal)
                .ToList();
            return new TargetEntry(t.ItemKey, t.Name, central?.Value ?? t.Central, central is not null, overrides);
        }).ToList();
    }

    /// <summary>The central target of each item for the year, and this unit's overrides (value and reason).</summary>
    public async Task<(Dictionary<string, decimal> Central, Dictionary<string, (decimal Value, string Reason)> Overrides)> ForUnitAsync(
        int year, Guid unitId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<TargetSetting>().AsNoTracking()
            .Where(t => t.Year == year && (t.UnitId == null || t.UnitId == unitId))
            .ToListAsync(cancellationToken);
        var central = Targets.Central.ToDictionary(t => t.ItemKey, t => stored.FirstOrDefault(s => s.ItemKey == t.ItemKey && s.UnitId == null)?.Value ?? t.Central);
        var overrides = stored.Where(s => s.UnitId == unitId).ToDictionary(s => s.ItemKey, s => (s.Value, s.Reason ?? ""));
        return (central, overrides);
    }

    public async Task SetAsync(int year, string itemKey, SetTargetRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.When(year is < 2000 or > 2100, "year", "Năm phải trong khoảng 2000–2100.");
        var target = Targets.Central.FirstOrDefault(t => t.ItemKey == itemKey);
        validation.When(target is null, "itemKey", $"Chỉ số \"{itemKey}\" không có chỉ tiêu năm.");
        validation.When(request.Percent is not (>= 0 and <= 100), "percent", "Chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100.");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        validation.When(request.UnitId is not null && reason is null, "reason", "Vui lòng nêu lý do khi đặt chỉ tiêu riêng cho đơn vị.");
        validation.MaxLength("reason", reason, 1000, "Lý do");
        validation.ThrowIfInvalid();
        var tree = await trees.GetAsync(cancellationToken);
        var unitName = request.UnitId is { } unitId ? tree.Find(unitId)?.Name ?? throw ProblemException.NotFound("đơn vị") : null;

        var setting = await db.Set<TargetSetting>().FirstOrDefaultAsync(t => t.Year == year && t.ItemKey == itemKey && t.UnitId == request.UnitId, cancellationToken);
        if (setting is null)
        {
            setting = new TargetSetting { Year = year, ItemKey = itemKey, UnitId = request.UnitId };
            db.Add(setting);
        }
        setting.Value = request.Percent!.Value / 100m;
        setting.Reason = reason;
        setting.SetBy = actor.DisplayName;
        setting.SetAt = time.GetUtcNow();
        audit.Record("target.set", "target", $"{year}/{itemKey}", request.UnitId,
            unitName is null
                ? $"Đặt chỉ tiêu chung năm {year} cho {itemKey} {target!.Name}: {request.Percent:0.##}%."
                : $"Đặt chỉ tiêu riêng năm {year} cho {unitName}, {itemKey} {target!.Name}: {request.Percent:0.##}% — lý do: {reason}.");
        await audit.SaveAsync(cancellationToken);
    }
}
