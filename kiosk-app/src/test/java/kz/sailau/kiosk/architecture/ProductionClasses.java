package kz.sailau.kiosk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The kiosk's production classes ({@code kz.sailau.kiosk}, tests left out), imported once per test JVM and shared by
 * the architecture tests: the import reads every class file and is most of each test's time, and the classes do not
 * change while the JVM runs. {@link JavaClasses} is immutable.
 */
final class ProductionClasses {

    private static JavaClasses classes;

    private ProductionClasses() {
    }

    /** The imported classes; fails clearly when none are found (the tests would otherwise pass on nothing). */
    static synchronized JavaClasses get() {
        if (classes == null) {
            JavaClasses imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("kz.sailau.kiosk");
            if (imported.isEmpty()) {
                throw new AssertionError("no production classes found under kz.sailau.kiosk");
            }
            classes = imported;
        }
        return classes;
    }
}
