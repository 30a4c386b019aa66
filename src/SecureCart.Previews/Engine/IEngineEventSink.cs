namespace SecureCart.Previews.Engine;

public interface IEngineEventSink
{
    ValueTask WriteAsync(EngineEvent engineEvent, CancellationToken cancellationToken);
}
