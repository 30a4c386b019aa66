namespace SecureCart.Platform.Plan.Workflow;

/// <summary>What a state of the fulfilment state machine does.</summary>
public enum WorkflowStepKind
{
    /// <summary>Invokes one of the workflow's Lambda functions.</summary>
    InvokeFunction,

    /// <summary>Puts an event on the shop's bus.</summary>
    PublishEvent,

    /// <summary>Parks an event that the bus would not take in the undelivered-events queue, for replay.</summary>
    ParkEvent,

    /// <summary>Ends the execution as failed.</summary>
    Fail,
}
