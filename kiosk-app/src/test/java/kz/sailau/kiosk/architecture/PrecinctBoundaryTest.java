package kz.sailau.kiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The precinct network's boundaries (docs/decisions/0170-precinct-consensus-engine.md). */
class PrecinctBoundaryTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.get();
    }

    @Test
    void onlyThePrecinctPackageImportsTheRaftEngine() {
        noClasses().that().resideOutsideOfPackage("kz.sailau.kiosk.precinct..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jgroups..")
                .because("the consensus engine is replaceable only if one package knows it")
                .check(classes);
    }

    @Test
    void thePrecinctLedgerKnowsNoScreenNoEngineAndNoStore() {
        noClasses().that().resideInAPackage("kz.sailau.kiosk.precinct..")
                .should().dependOnClassesThat().resideInAnyPackage("kz.sailau.kiosk.ui..", "kz.sailau.kiosk.app..",
                        "kz.sailau.kiosk.cli..", "kz.sailau.kiosk.checkin..", "kz.sailau.kiosk.ledger..",
                        "kz.sailau.kiosk.store..", "kz.sailau.kiosk.register..", "javafx..", "java.sql..")
                .because("the replicated ledger sees blind indexes and token ids only, never a voter or a screen")
                .check(classes);
    }
}
