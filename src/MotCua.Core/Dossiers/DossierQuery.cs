using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Calendar;
using MotCua.Core.Common;
using MotCua.Core.Connectors.Npsp;
using MotCua.Core.Data;
using MotCua.Core.Identity;
using MotCua.Core.Notifications;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

/// <summary>Which part of the work an officer looks at.</summary>
public enum QueueView
{
    /// <summary>Assigned to me.</summary>
    Mine,
    /// <summary>Everything open at my units.</summary>
    Unit,
    /// <summary>Open at my units, nobody assigned yet.</summary>
    Unassigned,
    /// <summary>Inter-agency consultations my units must answer.</summary>
    Consultations,
}

/// <summary>What a work queue shows; <c>Export</c> returns every line (up to <see cref="DossierQuery.MaxExport"/>) for a spreadsheet.</summary>
public sealed record QueueFilter(QueueView View, string? ProcedureCode, string? Status, string? Channel, string? Search, int? Page, int? PageSize, bool Export = false);

public sealed record QueueCounts(int Mine, int Unit, int Unassigned, int Consultations);

public sealed record QueuePage(Page<DossierSummary> Page, QueueCounts Counts);

/// <summary>Reads dossiers for officers (in scope), for citizens (by code and phone) and for the register.</summary>
public sealed class DossierQuery(
    MotCuaDbContext db,
    DossierWorkflow workflow,
    CalendarProvider calendars,
    IOptions<NpspOptions> npsp,
    TimeProvider time)
{
    public const int MaxExport = 20_000;

    private static readonly DossierStatus[] Closed = DossierConfiguration.Closed;

    private static readonly Expression<Func<Dossier, QueueRow>> QueueRowOf = d => new QueueRow(
        d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, d.Channel, d.CurrentStepRole, d.CurrentAssigneeName,
        d.ReceivedAt, d.DueAt, d.CurrentStepDeadline);

    public async Task<Dossier> FindAsync(string code, OfficerScope scope, CancellationToken cancellationToken)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).FirstOrDefaultAsync(d => d.Code == code, cancellationToken)
            ?? throw ProblemException.NotFound("hồ sơ");
        var consultations = await db.Set<Consultation>().AsNoTracking().Where(c => c.DossierId == dossier.Id).ToListAsync(cancellationToken);
        if (!DossierAccess.CanSee(scope, dossier, consultations))
        {
            throw ProblemException.Forbidden("Hồ sơ này nằm ngoài phạm vi được giao của bạn.");
        }
        return dossier;
    }

    /// <summary>A dossier recorded at the desk without a code (forms 02 and 03), for the desk that recorded it.</summary>
    public async Task<Dossier> FindDeskOutcomeAsync(Guid id, OfficerScope scope, CancellationToken cancellationToken)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).FirstOrDefaultAsync(d => d.Id == id && d.Code == null, cancellationToken)
            ?? throw ProblemException.NotFound("phiếu");
        if (!scope.CoversAny(dossier.ReceivingUnitId))
        {
            throw ProblemException.Forbidden("Phiếu này thuộc bộ phận tiếp nhận nằm ngoài phạm vi được giao của bạn.");
        }
        return dossier;
    }

    public async Task<DossierView> GetAsync(string code, OfficerScope scope, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(code, scope, cancellationToken);
        return await ViewAsync(dossier, scope, cancellationToken);
    }

    public async Task<DossierView> ViewAsync(Dossier dossier, OfficerScope scope, CancellationToken cancellationToken)
    {
        var consultations = await db.Set<Consultation>().AsNoTracking().Where(c => c.DossierId == dossier.Id).OrderBy(c => c.SentAt).ToListAsync(cancellationToken);
        var steps = await db.Set<DossierStep>().AsNoTracking().Where(s => s.DossierId == dossier.Id).OrderBy(s => s.StartedAt).ThenBy(s => s.Index).ToListAsync(cancellationToken);
        var events = await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
        var situation = await workflow.SituationAsync(dossier, consultations, cancellationToken);
        var documents = dossier.Documents.Count > 0
            ? dossier.Documents
            : await db.Set<DossierDocument>().AsNoTracking().Where(d => d.DossierId == dossier.Id).ToListAsync(cancellationToken);
        return Build(dossier, situation, steps, events, documents, await SyncAsync(dossier.Id, cancellationToken), scope);
    }

    /// <summary>The view of a dossier just received, from what the reception already holds (no further reads).</summary>
    public async Task<DossierView> ReceivedViewAsync(ReceptionResult result, OfficerScope scope, CancellationToken cancellationToken)
    {
        if (result.Replayed || result.Version is null || result.Step is null || result.Event is null)
        {
            return await ViewAsync(result.Dossier, scope, cancellationToken);
        }
        var dossier = result.Dossier;
        var calendar = await calendars.ForUnitAsync(dossier.ProcessingUnitId, cancellationToken);
        var situation = new DossierWorkflow.Situation(result.Version, DossierProcess.Steps(result.Version), calendar, []);
        var pending = result.Notices;
        var sync = npsp.Value.Enabled ? new SyncView(pending > 0 ? "pending" : "none", pending, 0, null, null) : new SyncView("disabled", 0, 0, null, null);
        return Build(dossier, situation, [result.Step], [result.Event], dossier.Documents, sync, scope);
    }

    private DossierView Build(
        Dossier dossier, DossierWorkflow.Situation situation, IReadOnlyList<DossierStep> steps, IReadOnlyList<DossierEvent> events,
        IReadOnlyList<DossierDocument> documents, SyncView sync, OfficerScope scope)
    {
        var consultations = situation.Consultations;
        var allowed = scope.OfficerId == Guid.Empty ? [] : DossierWorkflow.AllowedActions(dossier, situation, scope, time.Now());
        var tree = scope.Tree;
        var open = steps.LastOrDefault(s => s.FinishedAt is null);
        return new DossierView(
            dossier.Id,
            dossier.Code,
            dossier.Status.Key(),
            dossier.Status.Vietnamese(),
            dossier.Channel.Key(),
            dossier.ProcedureCode,
            dossier.ProcedureName,
            dossier.ProcedureVersionId,
            new ApplicantView(dossier.IsPerson ? "person" : "organisation", dossier.ApplicantName, dossier.ApplicantPersonalId, dossier.ApplicantEnterpriseCode,
                dossier.ApplicantPhone, dossier.ApplicantEmail, dossier.ApplicantAddress),
            dossier.ReceivingUnitId,
            tree.Find(dossier.ReceivingUnitId)?.Name ?? "",
            dossier.ProcessingUnitId,
            tree.Find(dossier.ProcessingUnitId)?.Name ?? "",
            tree.Find(dossier.CurrentUnitId)?.Name ?? "",
            open?.Name ?? (dossier.Status.IsFinal() ? "Đã kết thúc" : situation.Steps[Math.Min(dossier.CurrentStepIndex, situation.Steps.Count - 1)].Name),
            StepRoleKey(dossier.CurrentStepRole),
            dossier.CurrentAssigneeName,
            dossier.CurrentStepDeadline,
            dossier.ReceivedAt,
            dossier.DueAt,
            dossier.OriginalDueAt,
            dossier.FinishedAt,
            dossier.ReturnedAt,
            dossier.ReturnMethod?.Key(),
            dossier.Allowance.Vietnamese(),
            ClockKey(dossier.ClockState),
            dossier.SupplementRequests,
            dossier.Apologized,
            dossier.ApologyReason,
            dossier.Outcome is { } outcome ? (outcome == Outcome.Approved ? "approved" : "rejected") : null,
            dossier.ResultNumber,
            dossier.Reason,
            dossier.MissingItems?.Split('\n') ?? [],
            dossier.Note,
            dossier.ReceivedByName,
            allowed.Select(a => a.Key()).ToList(),
            documents.Select(d => new DocumentView(d.ComponentId, d.Name, d.Copies, d.Original, d.FileId)).ToList(),
            steps.Select(s => new StepView(s.Index, s.Name, StepRoleKey(s.Role), s.UnitName, s.AssigneeName, s.StartedAt, s.Deadline, s.FinishedAt,
                s.Timeliness?.Key(), s.Timeliness?.Vietnamese(), s.FinishedByName, s.Note)).ToList(),
            events.Select(e => new EventView(e.At, e.Action, e.FromStatus?.Key(), e.ToStatus.Key(), e.ActorName, e.Note, e.DueAt)).ToList(),
            consultations.Select(c => new ConsultationView(c.Id, c.AgencyName, c.UnitName, c.SentAt, c.Deadline, c.AnsweredAt, c.Answer, c.Timeliness?.Key())).ToList(),
            sync,
            dossier.Version,
            dossier.Timeliness?.Key(),
            dossier.ApologyTimely,
            situation.Version.Number,
            situation.Version.Fees.Select(f => $"{f.Name}: {Catalogue.ProcedureContent.Describe(f)}").ToList());
    }

    /// <summary>An officer's work queue, most urgent first: the earliest due moment in force, then the step deadline.</summary>
    public async Task<QueuePage> QueueAsync(QueueFilter filter, OfficerScope scope, CancellationToken cancellationToken)
    {
        var (page, size) = filter.Export ? (1, MaxExport) : Paging.Clamp(filter.Page, filter.PageSize, 25);
        var units = scope.AllUnits().ToList();
        var me = scope.OfficerId;
        var open = db.Set<Dossier>().AsNoTracking().Where(d => !Closed.Contains(d.Status) && units.Contains(d.CurrentUnitId));
        var consulting = db.Set<Dossier>().AsNoTracking()
            .Where(d => db.Set<Consultation>().Any(c => c.DossierId == d.Id && c.AnsweredAt == null && units.Contains(c.UnitId)));
        // One pass over the open-queue index counts three tabs.
        var tabs = await open.GroupBy(_ => 1)
            .Select(g => new
            {
                Mine = g.Count(d => d.CurrentAssigneeId == me),
                Unit = g.Count(),
                Unassigned = g.Count(d => d.CurrentAssigneeId == null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var counts = new QueueCounts(tabs?.Mine ?? 0, tabs?.Unit ?? 0, tabs?.Unassigned ?? 0, await consulting.CountAsync(cancellationToken));

        var query = filter.View switch
        {
            QueueView.Mine => open.Where(d => d.CurrentAssigneeId == me),
            QueueView.Unassigned => open.Where(d => d.CurrentAssigneeId == null),
            QueueView.Consultations => consulting,
            _ => open,
        };
        var filtered = false;
        if (!string.IsNullOrWhiteSpace(filter.ProcedureCode))
        {
            var procedure = filter.ProcedureCode.Trim();
            query = query.Where(d => d.ProcedureCode == procedure);
            filtered = true;
        }
        if (DossierTerms.TryParseStatus(filter.Status, out var status))
        {
            query = query.Where(d => d.Status == status);
            filtered = true;
        }
        if (DossierTerms.TryParseChannel(filter.Channel, out var channel))
        {
            query = query.Where(d => d.Channel == channel);
            filtered = true;
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            query = query.Where(d => d.Code == search || d.ApplicantName.Contains(search));
            filtered = true;
        }
        var total = filtered ? await query.CountAsync(cancellationToken) : filter.View switch
        {
            QueueView.Mine => counts.Mine,
            QueueView.Unassigned => counts.Unassigned,
            QueueView.Consultations => counts.Consultations,
            _ => counts.Unit,
        };
        var ordered = query
            .OrderBy(d => d.DueAt == null)
            .ThenBy(d => d.DueAt)
            .ThenBy(d => d.CurrentStepDeadline)
            .ThenBy(d => d.Id);
        List<QueueRow> rows;
        if (filter.Export)
        {
            rows = await ordered.Take(size).Select(QueueRowOf).ToListAsync(cancellationToken);
        }
        else
        {
            // The page's ids come from the open-queue index in urgency order; only those rows are then read.
            var ids = await ordered.Skip((page - 1) * size).Take(size).Select(d => d.Id).ToListAsync(cancellationToken);
            var loaded = await db.Set<Dossier>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(QueueRowOf).ToDictionaryAsync(r => r.Id, cancellationToken);
            rows = ids.Select(id => loaded[id]).ToList();
        }
        var now = time.Now();
        var calendar = await calendars.DefaultAsync(cancellationToken);
        var items = rows.Select(r => new DossierSummary(
            r.Code, r.ProcedureName, r.ApplicantName, r.Status.Key(), r.Status.Vietnamese(), r.Channel.Key(),
            StepRoleName(r.CurrentStepRole), r.CurrentAssigneeName, r.ReceivedAt, r.DueAt, r.CurrentStepDeadline,
            Urgency(calendar, r.Status, r.DueAt, r.CurrentStepDeadline, now))).ToList();
        return new QueuePage(new Page<DossierSummary>(items, total, page, size), counts);
    }

    /// <summary>The register (sổ theo dõi hồ sơ, form 06 of Circular 01/2018/TT-VPCP) of a desk for a year, in reception order.</summary>
    public async Task<Page<RegisterLine>> RegisterAsync(Guid unitId, int year, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (from, to) = YearBounds(year);
        var query = db.Set<Dossier>().AsNoTracking()
            .Where(d => d.ReceivingUnitId == unitId && d.ReceivedAt >= from && d.ReceivedAt < to && d.Code != null);
        var (number, size) = page is null && pageSize is null ? (1, int.MaxValue) : Paging.Clamp(page, pageSize, 50);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Code)
            .Skip((number - 1) * (size == int.MaxValue ? 0 : size))
            .Take(size)
            .Select(d => new RegisterLine(
                0, d.Code!, d.ProcedureName, d.Documents.Count, d.ApplicantName, d.ApplicantAddress, d.ApplicantPhone,
                db.Units.Where(u => u.Id == d.ProcessingUnitId).Select(u => u.Name).FirstOrDefault() ?? "",
                d.ReceivedAt!.Value, d.DueAt, d.OriginalDueAt,
                db.Set<DossierStep>().Where(s => s.DossierId == d.Id && s.Index == 0).Select(s => s.FinishedAt).FirstOrDefault(),
                d.FinishedAt, d.ReturnedAt, d.Status, d.Timeliness, d.Reason))
            .ToListAsync(cancellationToken);
        var start = (number - 1) * (size == int.MaxValue ? 0 : size);
        var numbered = rows.Select((r, i) => r with { Number = start + i + 1 }).ToList();
        return new Page<RegisterLine>(numbered, total, number, size == int.MaxValue ? Math.Max(total, 1) : size);
    }

    /// <summary>
    /// The applicant as given on their latest dossier in the officer's units, found by personal id or
    /// enterprise code, so that the desk does not type it again.
    /// </summary>
    public async Task<ApplicantInput?> ApplicantAsync(string identifier, OfficerScope scope, CancellationToken cancellationToken)
    {
        var units = scope.AllUnits().ToList();
        var key = identifier.Trim();
        if (key.Length == 0)
        {
            return null;
        }
        return await db.Set<Dossier>().AsNoTracking()
            .Where(d => (d.ApplicantPersonalId == key || d.ApplicantEnterpriseCode == key) && units.Contains(d.ReceivingUnitId))
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new ApplicantInput(d.ApplicantKind == ApplicantKind.Person ? "person" : "organisation", d.ApplicantName,
                d.ApplicantPersonalId, d.ApplicantEnterpriseCode, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Active officers holding <paramref name="role"/> at the unit (through a grant on it or an ancestor).</summary>
    public async Task<IReadOnlyList<AssigneeOption>> CandidatesAsync(Guid unitId, Domain.Organisation.Role role, OfficerScope scope, CancellationToken cancellationToken)
    {
        var ancestors = new List<Guid>();
        for (var node = scope.Tree.Find(unitId); node is not null; node = node.ParentId is { } parent ? scope.Tree.Find(parent) : null)
        {
            ancestors.Add(node.Id);
        }
        return await db.Officers.AsNoTracking()
            .Where(o => o.IsActive && o.Grants.Any(g => g.Role == role && ancestors.Contains(g.UnitId)))
            .OrderBy(o => o.FullName)
            .Select(o => new AssigneeOption(o.Id, o.FullName))
            .ToListAsync(cancellationToken);
    }

    private async Task<SyncView> SyncAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        if (!npsp.Value.Enabled)
        {
            return new SyncView("disabled", 0, 0, null, null);
        }
        var messages = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DossierId == dossierId && m.Channel == "npsp")
            .Select(m => new { m.Status, m.SentAt, m.LastError, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var pending = messages.Count(m => m.Status == OutboxStatus.Pending);
        var failed = messages.Count(m => m.Status == OutboxStatus.DeadLetter);
        var lastSent = messages.Where(m => m.SentAt is not null).Select(m => m.SentAt).DefaultIfEmpty().Max();
        var lastError = messages.Where(m => m.LastError is not null).OrderByDescending(m => m.CreatedAt).Select(m => m.LastError).FirstOrDefault();
        var state = failed > 0 ? "failed" : pending > 0 ? "pending" : messages.Count == 0 ? "none" : "synced";
        return new SyncView(state, pending, failed, lastSent, lastError);
    }

    /// <summary>overdue, due_soon (less than one working day left), or normal; a waiting dossier has no running clock.</summary>
    public static string Urgency(WorkingCalendar calendar, DossierStatus status, DateTimeOffset? dueAt, DateTimeOffset? stepDeadline, DateTimeOffset now)
    {
        if (status is DossierStatus.ResultReady or DossierStatus.AwaitingSupplement or DossierStatus.Suspended or DossierStatus.Submitted || dueAt is not { } due)
        {
            return status == DossierStatus.Submitted ? "new" : "waiting";
        }
        if (due <= now)
        {
            return "overdue";
        }
        if (calendar.WorkingTimeBetween(now, due) < calendar.Schedule.DayLength || stepDeadline is { } step && step <= now)
        {
            return "due_soon";
        }
        return "normal";
    }

    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, WorkingCalendar.VietnamOffset).ToUniversalTime(),
         new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, WorkingCalendar.VietnamOffset).ToUniversalTime());

    public static string StepRoleKey(StepRole role) => role switch
    {
        StepRole.Reception => "tiep_nhan",
        StepRole.Specialist => "chuyen_vien",
        StepRole.Leader => "lanh_dao",
        StepRole.Clerk => "van_thu",
        _ => "tra_ket_qua",
    };

    public static string StepRoleName(StepRole role) => role switch
    {
        StepRole.Reception => "Tiếp nhận",
        StepRole.Specialist => "Thẩm định",
        StepRole.Leader => "Phê duyệt",
        StepRole.Clerk => "Văn thư",
        _ => "Trả kết quả",
    };

    public static string ClockKey(ClockState state) => state switch
    {
        ClockState.Running => "running",
        ClockState.Suspended => "suspended",
        ClockState.NotStarted => "not_started",
        _ => "stopped",
    };

    public static string Format(DateTimeOffset? instant) =>
        instant?.ToVietnam().ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A line of the register (form 06).</summary>
public sealed record RegisterLine(
    int Number,
    string Code,
    string ProcedureName,
    int Components,
    string ApplicantName,
    string? ApplicantAddress,
    string? ApplicantPhone,
    string ProcessingAgency,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? OriginalDueAt,
    DateTimeOffset? TransferredAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt,
    DossierStatus Status,
    Timeliness? Timeliness,
    string? Reason);

/// <summary>What a queue line reads of a dossier.</summary>
internal sealed record QueueRow(
    Guid Id,
    string? Code,
    string ProcedureName,
    string ApplicantName,
    DossierStatus Status,
    Channel Channel,
    StepRole CurrentStepRole,
    string? CurrentAssigneeName,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CurrentStepDeadline);
