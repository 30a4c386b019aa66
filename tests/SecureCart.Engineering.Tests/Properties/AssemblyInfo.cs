using System.Runtime.Versioning;

// The scripts under test are bash scripts that start Unix servers: these tests run where those do.
[assembly: SupportedOSPlatform("linux")]
