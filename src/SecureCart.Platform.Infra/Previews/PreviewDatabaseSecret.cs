using System.Text.Json;
using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.SecretsManager;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Infra.Previews;

/// <summary>
/// The preview database's credentials in Secrets Manager, and the preview's own task execution role, the one
/// allowed to read them: ECS resolves a container definition's <c>secrets</c> with the execution role, not the
/// task role (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html),
/// and the base stack's shared execution role must not collect one grant per preview.
/// </summary>
internal sealed record PreviewDatabaseSecret(Output<string> SecretArn, Output<string> ExecutionRoleArn, Output<string> Host)
{
    public static PreviewDatabaseSecret Create(PreviewDatabasePlan database, PreviewDatabaseCredentials credentials, Output<string> host, InputMap<string> tags, Resource parent)
    {
        // No recovery window: a preview deleted and created again under the same name needs the same secret name
        // at once (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html).
        var secret = new Secret("database-secret", new SecretArgs { Name = database.SecretName, RecoveryWindowInDays = 0, Tags = tags }, Children.Of(parent));
        // The service derives the password from the role name, so a later `up` stores the same value again.
        _ = new SecretVersion("database-secret-value", new SecretVersionArgs
        {
            SecretId = secret.Id,
            SecretString = Output.CreateSecret(Output.Tuple(credentials.Password, host).Apply(t => JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["engine"] = "postgres",
                ["host"] = t.Item2,
                ["port"] = database.Port,
                ["dbname"] = database.Name,
                ["username"] = database.Name,
                ["password"] = t.Item1,
            }))),
        }, Children.Of(parent));

        var executionRole = new Role("execution-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("ecs-tasks.amazonaws.com"), Tags = tags }, Children.Of(parent));
        _ = new RolePolicyAttachment("execution-managed", new RolePolicyAttachmentArgs
        {
            Role = executionRole.Name,
            PolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        }, Children.Of(parent));
        _ = new RolePolicy("execution-database-secret", new RolePolicyArgs
        {
            Role = executionRole.Name,
            Policy = Policies.Allow((["secretsmanager:GetSecretValue"], [secret.Arn])),
        }, Children.Of(parent));
        return new PreviewDatabaseSecret(secret.Arn, executionRole.Arn, host);
    }
}
