using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>The one state machine every dossier transition goes through (Decree 61/2018 art. 15–20).</summary>
public sealed class DossierStateMachineTests
{
    private static TransitionContext At(StepRole step, bool nextIsReturn = false, bool apologized = false, bool beforeDue = true,
        bool consultations = false, bool supplementWindow = true) =>
        new(step, nextIsReturn, apologized, beforeDue, consultations, supplementWindow);

    public static TheoryData<DossierStatus> FinalStatuses =>
    [
        DossierStatus.Returned, DossierStatus.Withdrawn, DossierStatus.Stopped, DossierStatus.NotAccepted, DossierStatus.IncompleteAtDesk,
    ];

    [Theory]
    [MemberData(nameof(FinalStatuses))]
    public void FinishedDossier_AllowsNothing(DossierStatus status)
    {
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            Assert.False(DossierStateMachine.Decide(status, action, At(StepRole.Specialist)).Allowed, $"{status} allowed {action}");
        }
        Assert.Empty(DossierStateMachine.Allowed(status, At(StepRole.Specialist)));
    }

    [Fact]
    public void OnlineSubmission_IsAcceptedOrRefusedAtTheDesk()
    {
        Assert.Equal(DossierStatus.Received, DossierStateMachine.Decide(DossierStatus.Submitted, DossierAction.Accept, At(StepRole.Reception)).To);
        Assert.Equal(DossierStatus.NotAccepted, DossierStateMachine.Decide(DossierStatus.Submitted, DossierAction.Refuse, At(StepRole.Reception)).To);
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Accept, At(StepRole.Specialist)).Allowed);
    }

    [Fact]
    public void HandOff_FromTheLastProcessingStep_MakesTheResultReady()
    {
        Assert.Equal(DossierStatus.InProgress, DossierStateMachine.Decide(DossierStatus.Received, DossierAction.Transfer, At(StepRole.Reception)).To);
        Assert.Equal(DossierStatus.ResultReady,
            DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Transfer, At(StepRole.Specialist, nextIsReturn: true)).To);
        Assert.Equal(DossierStatus.ResultReady,
            DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Approve, At(StepRole.Leader, nextIsReturn: true)).To);
        Assert.Equal(DossierStatus.ResultReady, DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Seal, At(StepRole.Clerk)).To);
        Assert.Equal(DossierStatus.Returned, DossierStateMachine.Decide(DossierStatus.ResultReady, DossierAction.ReturnResult, At(StepRole.Return)).To);
    }

    [Theory]
    [InlineData(DossierAction.Approve, StepRole.Specialist)]
    [InlineData(DossierAction.Reject, StepRole.Clerk)]
    [InlineData(DossierAction.Seal, StepRole.Leader)]
    [InlineData(DossierAction.Transfer, StepRole.Leader)]
    public void StepActions_OnlyAtTheirOwnStep(DossierAction action, StepRole step) =>
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, action, At(step)).Allowed);

    [Fact]
    public void HandOff_WaitsForEveryConsultedAgency()
    {
        var refused = DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Transfer, At(StepRole.Specialist, consultations: true));
        Assert.False(refused.Allowed);
        Assert.Contains("liên thông", refused.Refusal, StringComparison.Ordinal);
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Consult, At(StepRole.Specialist, consultations: true)).Allowed);
        Assert.True(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Answer, At(StepRole.Specialist, consultations: true)).Allowed);
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Answer, At(StepRole.Specialist)).Allowed);
    }

    [Fact]
    public void Supplement_IsRequestedWithinThreeWorkingDays_AndRestartsProcessing()
    {
        // Decree 61/2018 art. 19(2): a request to supplement only within 3 working days of receipt.
        Assert.Equal(DossierStatus.AwaitingSupplement,
            DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.RequestSupplement, At(StepRole.Specialist)).To);
        var late = DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.RequestSupplement, At(StepRole.Specialist, supplementWindow: false));
        Assert.False(late.Allowed);
        Assert.Contains("03 ngày làm việc", late.Refusal, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.InProgress,
            DossierStateMachine.Decide(DossierStatus.AwaitingSupplement, DossierAction.Supplement, At(StepRole.Specialist)).To);
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Supplement, At(StepRole.Specialist)).Allowed);
    }

    [Fact]
    public void Apology_OnlyBeforeTheDueMoment_AndOnlyOnce()
    {
        // Decree 61/2018 art. 20(3): the apology letter is sent before the due moment; one new appointment.
        Assert.True(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Apologize, At(StepRole.Specialist)).Allowed);
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Apologize, At(StepRole.Specialist, beforeDue: false)).Allowed);
        Assert.False(DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Apologize, At(StepRole.Specialist, apologized: true)).Allowed);
        Assert.False(DossierStateMachine.Decide(DossierStatus.Suspended, DossierAction.Apologize, At(StepRole.Specialist)).Allowed);
    }

    [Fact]
    public void Suspension_StopsAndResumesProcessing()
    {
        Assert.Equal(DossierStatus.Suspended, DossierStateMachine.Decide(DossierStatus.InProgress, DossierAction.Suspend, At(StepRole.Specialist)).To);
        Assert.False(DossierStateMachine.Decide(DossierStatus.Suspended, DossierAction.Suspend, At(StepRole.Specialist)).Allowed);
        Assert.False(DossierStateMachine.Decide(DossierStatus.Suspended, DossierAction.Transfer, At(StepRole.Specialist)).Allowed);
        Assert.Equal(DossierStatus.InProgress, DossierStateMachine.Decide(DossierStatus.Suspended, DossierAction.Resume, At(StepRole.Specialist)).To);
    }

    [Theory]
    [InlineData(DossierStatus.Received, true)]
    [InlineData(DossierStatus.InProgress, true)]
    [InlineData(DossierStatus.AwaitingSupplement, true)]
    [InlineData(DossierStatus.Suspended, true)]
    [InlineData(DossierStatus.ResultReady, false)]
    [InlineData(DossierStatus.Submitted, false)]
    public void WithdrawalAndStopping_OnlyWhileTheDossierIsOpen(DossierStatus status, bool allowed)
    {
        Assert.Equal(allowed, DossierStateMachine.Decide(status, DossierAction.Withdraw, At(StepRole.Specialist)).Allowed);
        Assert.Equal(allowed, DossierStateMachine.Decide(status, DossierAction.Stop, At(StepRole.Specialist)).Allowed);
    }

    [Fact]
    public void Refusal_NamesTheCurrentStatusInVietnamese()
    {
        var refused = DossierStateMachine.Decide(DossierStatus.Suspended, DossierAction.ReturnResult, At(StepRole.Return));
        Assert.Contains(DossierStatus.Suspended.Vietnamese().ToLowerInvariant(), refused.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_ListsExactlyTheActionsDecideAccepts()
    {
        var context = At(StepRole.Specialist, nextIsReturn: false);
        var allowed = DossierStateMachine.Allowed(DossierStatus.InProgress, context).ToHashSet();
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            Assert.Equal(DossierStateMachine.Decide(DossierStatus.InProgress, action, context).Allowed, allowed.Contains(action));
        }
        Assert.Contains(DossierAction.Transfer, allowed);
        Assert.DoesNotContain(DossierAction.ReturnResult, allowed);
    }
}
