using MotCua.Core.Identity;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organisation;

namespace MotCua.Core.Dossiers;

/// <summary>
/// Who may see a dossier and who may perform each action on it: an officer acts only inside the
/// subtrees of their grants, with the role the current step asks for; a step already assigned to a
/// colleague is theirs until a leader reassigns it.
/// </summary>
public static class DossierAccess
{
    /// <summary>Actions that belong to whoever holds the current step.</summary>
    private static readonly DossierAction[] StepActions =
    [
        DossierAction.Transfer, DossierAction.Approve, DossierAction.Reject, DossierAction.Seal,
        DossierAction.RequestSupplement, DossierAction.Consult,
    ];

    /// <summary>The desk that received it, the lead agency, the unit holding it now, or a consulted unit.</summary>
    public static bool CanSee(OfficerScope scope, Dossier dossier, IEnumerable<Consultation> consultations) =>
        scope.CoversAny(dossier.ReceivingUnitId)
        || scope.CoversAny(dossier.ProcessingUnitId)
        || scope.CoversAny(dossier.CurrentUnitId)
        || consultations.Any(c => scope.CoversAny(c.UnitId));

    /// <summary>Null when the officer may perform the action; otherwise why not (Vietnamese).</summary>
    public static string? Refusal(OfficerScope scope, Dossier dossier, DossierAction action, IReadOnlyList<Consultation> consultations)
    {
        var stepRole = DossierProcess.OfficerRole(dossier.CurrentStepRole);
        var allowed = action switch
        {
            DossierAction.Accept or DossierAction.Refuse or DossierAction.ReturnResult =>
                scope.Covers(Role.Reception, dossier.ReceivingUnitId),
            DossierAction.Transfer or DossierAction.RequestSupplement or DossierAction.Claim =>
                scope.Covers(stepRole, dossier.CurrentUnitId),
            DossierAction.Approve or DossierAction.Reject or DossierAction.Assign =>
                scope.Covers(Role.Leader, dossier.CurrentUnitId),
            DossierAction.Seal => scope.Covers(Role.Clerk, dossier.CurrentUnitId),
            DossierAction.Consult => scope.Covers(Role.Specialist, dossier.CurrentUnitId),
            DossierAction.Supplement =>
                scope.Covers(Role.Reception, dossier.ReceivingUnitId) || scope.Covers(stepRole, dossier.CurrentUnitId),
            DossierAction.Suspend or DossierAction.Resume or DossierAction.Stop =>
                scope.Covers(Role.Leader, dossier.ProcessingUnitId) || scope.Covers(Role.Specialist, dossier.ProcessingUnitId)
                || scope.Covers(stepRole, dossier.CurrentUnitId),
            DossierAction.Apologize =>
                scope.Covers(Role.Leader, dossier.ProcessingUnitId) || scope.Covers(Role.Reception, dossier.ReceivingUnitId),
            DossierAction.Withdraw =>
                scope.Covers(Role.Reception, dossier.ReceivingUnitId) || scope.Covers(Role.Specialist, dossier.ProcessingUnitId)
                || scope.Covers(Role.Leader, dossier.ProcessingUnitId),
            DossierAction.Answer => consultations.Any(c => c.AnsweredAt is null
                && (scope.Covers(Role.Specialist, c.UnitId) || scope.Covers(Role.Leader, c.UnitId))),
            _ => false,
        };
        if (!allowed)
        {
            return $"Bạn không có vai trò phù hợp để \"{action.Vietnamese().ToLowerInvariant()}\" hồ sơ này tại đơn vị đang xử lý.";
        }
        if (StepActions.Contains(action) && dossier.CurrentAssigneeId is { } assignee && assignee != scope.OfficerId)
        {
            return $"Hồ sơ đang được giao cho {dossier.CurrentAssigneeName}; lãnh đạo đơn vị có thể phân công lại.";
        }
        return null;
    }
}
