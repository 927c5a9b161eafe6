package boxoffice.app.service;

import java.time.Duration;

/** Session lifetimes and login throttling limits. */
public record AuthPolicy(Duration refreshTokenTtl, LoginFailureLog.Limits loginLimits) {}
