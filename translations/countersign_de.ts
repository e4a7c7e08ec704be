<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QMetaObject</name>
    <message>
        <source>Internal error in the engine: %1</source>
        <translation>Interner Fehler in der Engine: %1</translation>
    </message>
    <message>
        <source>Internal error in the engine.</source>
        <translation>Interner Fehler in der Engine.</translation>
    </message>
</context>
<context>
    <name>cs::app</name>
    <message>
        <source>Countersign %1: no display, so here is the workspace summary instead of the window.</source>
        <translation>Countersign %1: keine Anzeige vorhanden, daher hier die Übersicht des Arbeitsbereichs statt des Fensters.</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Schemaversion:</translation>
    </message>
    <message>
        <source>Assets:</source>
        <translation>Vermögenswerte:</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Personen:</translation>
    </message>
    <message>
        <source>Market: %1 venues, %2 pools, %3 lending markets, %4 counterparties (%5 on lists), %6 lists</source>
        <translation>Markt: %1 Handelsplätze, %2 Pools, %3 Kreditmärkte, %4 Gegenparteien (%5 auf Listen), %6 Listen</translation>
    </message>
    <message>
        <source>Intents waiting in intents.jsonl: %1</source>
        <translation>Wartende Aufträge in intents.jsonl: %1</translation>
    </message>
    <message>
        <source>Agents and balances</source>
        <translation>Agenten und Guthaben</translation>
    </message>
    <message>
        <source>Set DISPLAY (or run under xvfb-run) to open the console window.</source>
        <translation>Setzen Sie DISPLAY (oder starten Sie mit xvfb-run), um das Konsolenfenster zu öffnen.</translation>
    </message>
    <message>
        <source>Audit log: %1 entries, signed checkpoint at %2</source>
        <translation>Prüfprotokoll: %1 Einträge, signierter Prüfpunkt bei %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::AgentsModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation>noch kein Schlüssel</translation>
    </message>
    <message>
        <source>%1 %2 (exact)</source>
        <translation>%1 %2 (exakt)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fingerprint of the agent&apos;s signing key</source>
        <translation>Fingerabdruck des Signaturschlüssels des Agenten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The agent&apos;s ledger accounts</source>
        <translation>Die Buchungskonten des Agenten</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n decimal(s)</source>
        <translation>
            <numerusform>%1, %n Nachkommastelle</numerusform>
            <numerusform>%1, %n Nachkommastellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::AgentsView</name>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Every agent of this workspace with its balances, summed over its ledger accounts. Amounts are exact; hover over one to see it with its asset.</source>
        <translation>Alle Agenten dieses Arbeitsbereichs mit ihren Guthaben, summiert über ihre Buchungskonten. Beträge sind exakt; zeigen Sie auf einen Betrag, um ihn mit seinem Vermögenswert zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the agents from the workspace (F5)</source>
        <translation>Agenten neu aus dem Arbeitsbereich laden (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s).</source>
        <translation>
            <numerusform>%n Agent.</numerusform>
            <numerusform>%n Agenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Agenten werden geladen …</translation>
    </message>
    <message>
        <source>Could not load the agents: %1</source>
        <translation>Die Agenten konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::EngineClient</name>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>No workspace open. Use File &gt; Open Workspace or File &gt; New Demo Workspace.</source>
        <translation>Kein Arbeitsbereich geöffnet. Verwenden Sie Datei &gt; Arbeitsbereich öffnen oder Datei &gt; Neuer Demo-Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Engine: closed</source>
        <translation>Engine: geschlossen</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>The approval queue: proposals the policy flagged for a human, with what the agent wants, why, the simulated effect and the rule that fired. Approvers sign or reject them here, keyboard first.</source>
        <translation>Die Freigabewarteschlange: Vorschläge, die die Richtlinie einem Menschen vorlegt, mit dem, was der Agent will, warum, der simulierten Wirkung und der ausgelösten Regel. Freigebende signieren oder lehnen sie hier ab, bequem per Tastatur.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>The policy editor: caps per agent, day and protocol, whitelists and approval thresholds, with a what-if run of a draft against the whole history before a risk manager signs and publishes it.</source>
        <translation>Der Richtlinieneditor: Obergrenzen je Agent, Tag und Protokoll, Positivlisten und Freigabeschwellen, mit einer Was-wäre-wenn-Prüfung eines Entwurfs gegen die gesamte Historie, bevor ein Risikomanager ihn signiert und veröffentlicht.</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>Reputation charts: each agent&apos;s score over time, every move explained by the outcomes behind it, and the kill switch.</source>
        <translation>Reputationsdiagramme: die Bewertung jedes Agenten im Zeitverlauf, jede Änderung durch die Ergebnisse dahinter erklärt, und der Notschalter.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>The audit timeline: every step of every proposal in the hash-chained, signed log, with filters, integrity verification and step-by-step replay.</source>
        <translation>Die Prüfprotokoll-Zeitleiste: jeder Schritt jedes Vorschlags im hashverketteten, signierten Protokoll, mit Filtern, Integritätsprüfung und schrittweiser Wiedergabe.</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich …</translation>
    </message>
    <message>
        <source>New &amp;Demo Workspace…</source>
        <translation>Neuer &amp;Demo-Arbeitsbereich …</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>Ü&amp;ber Countersign</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird angelegt …</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Choose an empty directory for the demo workspace</source>
        <translation>Leeres Verzeichnis für den Demo-Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>Choose an empty directory for the workspace</source>
        <translation>Leeres Verzeichnis für den Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>About Countersign</source>
        <translation>Über Countersign</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;The operator console for AI agents that move money: agents propose, the engine simulates and checks every proposal against a signed policy, people approve what is risky, and every step is written to a tamper-evident audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;Die Bedienkonsole für KI-Agenten, die Geld bewegen: Agenten schlagen vor, die Engine simuliert jeden Vorschlag und prüft ihn gegen eine signierte Richtlinie, Menschen geben Riskantes frei, und jeder Schritt wird in ein manipulationssicheres Prüfprotokoll geschrieben.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Countersign</source>
        <translation>%1 — Countersign</translation>
    </message>
    <message>
        <source>Workspace: %1 (%2)</source>
        <translation>Arbeitsbereich: %1 (%2)</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Could not open the workspace %1.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Engine: ready</source>
        <translation>Engine: bereit</translation>
    </message>
    <message>
        <source>Engine: degraded</source>
        <translation>Engine: beeinträchtigt</translation>
    </message>
    <message>
        <source>Engine key passphrase</source>
        <translation>Passphrase des Engine-Schlüssels</translation>
    </message>
    <message>
        <source>Passphrase that seals the engine&apos;s signing key:</source>
        <translation>Passphrase, mit der der Signaturschlüssel der Engine versiegelt wird:</translation>
    </message>
    <message>
        <source>Repeat the passphrase:</source>
        <translation>Passphrase wiederholen:</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>Die Passphrase darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein; es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>Pipeline: done, %1 processed</source>
        <translation>Pipeline: fertig, %1 verarbeitet</translation>
    </message>
    <message>
        <source>Pipeline: %1 processed, last %2 %3</source>
        <translation>Pipeline: %1 verarbeitet, zuletzt %2 %3</translation>
    </message>
</context>
<context>
    <name>cs::ui::PlaceholderView</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>In dieser Version noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Countersign, the operator console for AI agents that move money.</source>
        <translation>Countersign, die Bedienkonsole für KI-Agenten, die Geld bewegen.</translation>
    </message>
    <message>
        <source>Open a fresh demo workspace in a temporary directory.</source>
        <translation>Einen neuen Demo-Arbeitsbereich in einem temporären Verzeichnis öffnen.</translation>
    </message>
    <message>
        <source>User interface language (de, zh_CN, en).</source>
        <translation>Sprache der Oberfläche (de, zh_CN, en).</translation>
    </message>
    <message>
        <source>Print a summary of the workspace instead of opening a window.</source>
        <translation>Eine Übersicht des Arbeitsbereichs ausgeben, statt ein Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Save a picture of the window once the workspace is shown, then quit.</source>
        <translation>Ein Bild des Fensters speichern, sobald der Arbeitsbereich angezeigt wird, dann beenden.</translation>
    </message>
    <message>
        <source>Workspace directory to open.</source>
        <translation>Zu öffnendes Arbeitsbereichsverzeichnis.</translation>
    </message>
    <message>
        <source>With --demo: run the next demo intent every this many milliseconds (default 800).</source>
        <translation>Mit --demo: alle so vielen Millisekunden die nächste Demo-Absicht ausführen (Standard 800).</translation>
    </message>
</context>
</TS>
