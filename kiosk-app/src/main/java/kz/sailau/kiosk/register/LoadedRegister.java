package kz.sailau.kiosk.register;

import java.time.Instant;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * What register the kiosk currently holds (no personal data).
 *
 * @param election         election
 * @param precinct         precinct
 * @param version          register version
 * @param packageSha256    hex SHA-256 of the loaded package file
 * @param created          when the authority built it
 * @param loadedAt         when this kiosk loaded it
 * @param voterCount       number of voters
 * @param extractorVersion template extractor version
 */
public record LoadedRegister(ElectionId election, PrecinctId precinct, long version, String packageSha256,
                             Instant created, Instant loadedAt, int voterCount, String extractorVersion) {
}
