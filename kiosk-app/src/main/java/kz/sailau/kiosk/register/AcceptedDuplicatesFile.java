package kz.sailau.kiosk.register;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's list of examined duplicates, for {@code --accept-duplicates FILE}: UTF-8 text, one
 * case per line, {@code <id><TAB or spaces><reason>}; blank lines and lines starting with {@code #} are
 * ignored. Every accepted case needs a reason.
 */
public final class AcceptedDuplicatesFile {

    private AcceptedDuplicatesFile() {
    }

    /**
     * Reads the file.
     *
     * @return reasons by duplicate id
     * @throws RegisterException {@code register.error.acceptFile} on a line without a reason or a repeated id, or a
     *                           file larger than {@link VoterCsvReader#MAX_BYTES}
     */
    public static List<AcceptedDuplicate> read(Path file) {
        List<String> lines;
        try {
            // Never more lines than the voters file has rows: a larger file is none, and is not read into memory.
            if (Files.size(file) > VoterCsvReader.MAX_BYTES) {
                throw new RegisterException("register.error.acceptFile", "accepted duplicates file is larger than "
                        + VoterCsvReader.MAX_BYTES + " bytes", null);
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new RegisterException("register.error.acceptFile", "accepted duplicates file is not UTF-8 text",
                    e);
        } catch (IOException e) {
            throw new RegisterException("register.error.acceptFile", "accepted duplicates file cannot be read: "
                    + e.getMessage(), e);
        }
        Map<String, AcceptedDuplicate> accepted = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new RegisterException("register.error.acceptFile", "accepted duplicates file line " + (i + 1)
                        + ": a reason is required after the duplicate id", null);
            }
            if (accepted.put(parts[0], new AcceptedDuplicate(parts[0], parts[1].strip())) != null) {
                throw new RegisterException("register.error.acceptFile", "accepted duplicates file line " + (i + 1)
                        + ": duplicate id listed twice", null);
            }
        }
        return new ArrayList<>(accepted.values());
    }
}
