package org.smartcare.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar smartcare.jar token --role OPERATOR --tenant demo-city}: prints a signed bearer token. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mint a bearer JWT signed with SMARTCARE_JWT_SECRET (HS256).")
public class TokenCli implements Callable<Integer> {

    @Option(names = "--role", required = true, description = "One of ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(names = "--tenant", description = "Tenant the token is scoped to (required for all but ADMIN).")
    String tenant;

    @Option(names = "--institution", description = "Institution id (required for INSTITUTION_STAFF).")
    Long institution;

    @Option(names = "--subject", defaultValue = "cli-user", description = "Who the token names (default: ${DEFAULT-VALUE}).")
    String subject;

    @Option(names = "--ttl", defaultValue = "PT12H", description = "Lifetime as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--secret-env", defaultValue = "SMARTCARE_JWT_SECRET", description = "Environment variable holding the secret.")
    String secretEnv;

    public static int run(String... args) {
        return new CommandLine(new TokenCli()).execute(args);
    }

    @Override
    public Integer call() throws JOSEException {
        String secret = System.getenv(secretEnv);
        if (secret == null || secret.length() < 32) {
            System.err.println(secretEnv + " must hold the service's JWT secret (at least 32 characters)");
            return 2;
        }
        new Caller(subject, role, tenant, institution); // same rules as the service applies
        System.out.println(mint(secret, subject, role, tenant, institution, ttl));
        return 0;
    }

    public static String mint(String secret, String subject, Role role, String tenant, Long institution,
                              Duration ttl) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("smartcare")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", List.of(role.name()));
        if (tenant != null) {
            claims.claim(Caller.TENANT_CLAIM, tenant);
        }
        if (institution != null) {
            claims.claim(Caller.INSTITUTION_CLAIM, institution);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
