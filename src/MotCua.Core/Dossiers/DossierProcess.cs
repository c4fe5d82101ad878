using MotCua.Core.Catalogue;
using MotCua.Core.Organisation;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organisation;
using MotCua.Domain.Text;

namespace MotCua.Core.Dossiers;

/// <summary>A step of the internal process as a dossier follows it.</summary>
public sealed record PlannedStep(string Name, StepRole Role, decimal Share, decimal? FixedHours);

/// <summary>Where and by whom each step of a procedure's internal process is done, and by when.</summary>
public static class DossierProcess
{
    /// <summary>Used when an imported version has no internal process (Decree 61/2018 art. 5 defaults).</summary>
    private static readonly PlannedStep[] DefaultSteps =
    [
        new("Tiếp nhận, kiểm tra hồ sơ", StepRole.Reception, 0.1m, null),
        new("Thẩm định, đề xuất", StepRole.Specialist, 0.5m, null),
        new("Xem xét, phê duyệt", StepRole.Leader, 0.2m, null),
        new("Vào sổ, đóng dấu, phát hành", StepRole.Clerk, 0.1m, null),
        new("Trả kết quả", StepRole.Return, 0.1m, null),
    ];

    public static IReadOnlyList<PlannedStep> Steps(ProcedureVersion version)
    {
        var steps = version.ProcessSteps
            .Select(s => DossierTerms.TryParseStepRole(s.Role, out var role) ? new PlannedStep(s.Name, role, s.Share, s.FixedHours) : null)
            .OfType<PlannedStep>()
            .ToList();
        if (steps.Count == 0)
        {
            return DefaultSteps;
        }
        // The desk always opens and closes the process: reception first, return of the result last.
        if (steps[0].Role != StepRole.Reception)
        {
            steps.Insert(0, new PlannedStep("Tiếp nhận hồ sơ", StepRole.Reception, 0, null));
        }
        if (steps[^1].Role != StepRole.Return)
        {
            steps.Add(new PlannedStep("Trả kết quả", StepRole.Return, 0, null));
        }
        return steps;
    }

    /// <summary>The officer role that performs a step.</summary>
    public static Role OfficerRole(StepRole step) => step switch
    {
        StepRole.Reception or StepRole.Return => Role.Reception,
        StepRole.Specialist => Role.Specialist,
        StepRole.Leader => Role.Leader,
        _ => Role.Clerk,
    };

    /// <summary>The desk opens and closes the process; the competent agency does the rest.</summary>
    public static Guid UnitOf(StepRole step, Guid receivingUnitId, Guid processingUnitId) =>
        step is StepRole.Reception or StepRole.Return ? receivingUnitId : processingUnitId;

    /// <summary>
    /// The competent agency for a dossier received at a desk: a commune-level procedure goes to the
    /// desk's commune (or ward); otherwise the unit named as the procedure's agency, else the desk's parent.
    /// </summary>
    public static Guid ProcessingUnit(UnitTree tree, Guid receivingUnitId, ProcedureVersion version)
    {
        var levels = version.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var desk = tree.Find(receivingUnitId)!;
        if (levels.Contains("xa"))
        {
            for (var node = desk; node is not null; node = node.ParentId is { } parent ? tree.Find(parent) : null)
            {
                if (node.Kind == UnitKind.Commune)
                {
                    return node.Id;
                }
            }
        }
        var agency = VietnameseText.Fold(version.Agency);
        var named = tree.All().FirstOrDefault(u => u.IsActive && agency.Length > 0 && VietnameseText.Fold(u.Name) == agency);
        if (named is not null)
        {
            return named.Id;
        }
        return desk.Kind is UnitKind.OneStopDesk or UnitKind.ServiceCentre && desk.ParentId is { } deskParent ? deskParent : desk.Id;
    }

    /// <summary>A consulted agency's unit: the nearest unit of its kind around the lead agency, else anywhere in the tree.</summary>
    public static UnitNode? ConsultedUnit(UnitTree tree, Guid leadUnitId, string? unitKind)
    {
        if (!UnitKinds.TryParse(unitKind, out var kind))
        {
            return null;
        }
        for (var node = tree.Find(leadUnitId); node is not null; node = node.ParentId is { } parent ? tree.Find(parent) : null)
        {
            var near = tree.Subtree(node.Id).FirstOrDefault(u => u.Kind == kind && u.IsActive && u.Id != leadUnitId);
            if (near is not null)
            {
                return near;
            }
        }
        return null;
    }

    /// <summary>
    /// A step's deadline: its share of the dossier's working time (from reception to due), counted from
    /// when the step starts, or its fixed hours.
    /// </summary>
    public static DateTimeOffset? StepDeadline(WorkingCalendar calendar, PlannedStep step, DateTimeOffset startedAt, TimeSpan totalWorkingTime)
    {
        var time = step.FixedHours is { } hours
            ? TimeSpan.FromHours((double)hours)
            : TimeSpan.FromTicks((long)(totalWorkingTime.Ticks * step.Share));
        return calendar.AddWorkingTime(startedAt, TimeSpan.FromSeconds(Math.Round(time.TotalSeconds)));
    }

    /// <summary>
    /// The desk hands a received dossier to the processing agency within the working day, or by the next
    /// working day when received after the same-day cut-off (15:00): the calendar's same-day rule.
    /// </summary>
    public static DateTimeOffset ReceptionDeadline(WorkingCalendar calendar, DateTimeOffset receivedAt) =>
        calendar.Due(receivedAt, ProcessingTime.WorkingDays(0));
}
