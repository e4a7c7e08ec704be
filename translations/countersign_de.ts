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
    <name>StateText</name>
    <message>
        <source>could not be planned</source>
        <translation>nicht planbar</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ausgang unbekannt</translation>
    </message>
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
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>Freigebende(r)</translation>
    </message>
    <message>
        <source>risk manager</source>
        <translation>Risikomanager(in)</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>no rule allows this proposal</source>
        <translation>keine Regel erlaubt diesen Vorschlag</translation>
    </message>
    <message>
        <source>the simulation failed: %1</source>
        <translation>die Simulation schlug fehl: %1</translation>
    </message>
    <message>
        <source>min_out accepts %1 bps of slippage, more than the %2 bps allowed</source>
        <translation>min_out lässt %1 bps Slippage zu, mehr als die erlaubten %2 bps</translation>
    </message>
    <message>
        <source>evaluation error, which denies: %1</source>
        <translation>Auswertungsfehler, daher verweigert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more approver(s) from &apos;%1&apos;</source>
        <translation>
            <numerusform>%n weitere Freigabe durch „%1“</numerusform>
            <numerusform>%n weitere Freigaben durch „%1“</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>braucht %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>amount ≤ %1 would be allowed</source>
        <translation>bei Betrag ≤ %1 erlaubt</translation>
    </message>
    <message>
        <source>amount ≤ %1 would need approval</source>
        <translation>bei Betrag ≤ %1 freigabepflichtig</translation>
    </message>
    <message>
        <source>amount ≤ %1 would be denied</source>
        <translation>bei Betrag ≤ %1 verweigert</translation>
    </message>
    <message>
        <source>; or </source>
        <translation>; oder </translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>Analyst</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>freigabepflichtig</translation>
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
    <message>
        <source>Awaiting approval: %1 (so far %2 approved, %3 rejected, %4 expired)</source>
        <translation>Warten auf Freigabe: %1 (bisher %2 freigegeben, %3 abgelehnt, %4 abgelaufen)</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>benötigt</translation>
    </message>
    <message>
        <source>Countersign %1: the workspace summary (--headless).</source>
        <translation>Countersign %1: die Übersicht des Arbeitsbereichs (--headless).</translation>
    </message>
    <message>
        <source>READ-ONLY: the audit log does not verify, so nothing will be written: %1</source>
        <translation>NUR LESEN: Das Prüfprotokoll ist nicht intakt, daher wird nichts geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::AgentsModel</name>
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
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>New &amp;key…</source>
        <translation>Neuer &amp;Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Sperren…</translation>
    </message>
    <message>
        <source>Res&amp;ume…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>&amp;Freeze all agents…</source>
        <translation>Alle Agenten &amp;einfrieren…</translation>
    </message>
    <message>
        <source>People &amp; agents</source>
        <translation>Personen &amp; Agenten</translation>
    </message>
    <message>
        <source>Everyone in this workspace and what the agents hold. A risk manager adds people and agents, gives them new keys and suspends, resumes or revokes them; each change is signed and recorded in the audit log.</source>
        <translation>Alle in diesem Arbeitsbereich und was die Agenten halten. Das Risikomanagement fügt Personen und Agenten hinzu, gibt ihnen neue Schlüssel und sperrt, entsperrt oder widerruft sie; jede Änderung wird signiert und im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Suspend every active agent at once: their intents are refused and their pending approval requests end</source>
        <translation>Alle aktiven Agenten auf einmal sperren: Ihre Aufträge werden abgewiesen und ihre offenen Freigabeanfragen beendet</translation>
    </message>
    <message>
        <source>Reload people, agents and balances from the workspace (F5)</source>
        <translation>Personen, Agenten und Guthaben neu aus dem Arbeitsbereich laden (F5)</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Nothing was changed for %1: %2</source>
        <translation>Für %1 wurde nichts geändert: %2</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nicht geändert</translation>
    </message>
    <message>
        <source>Nothing was changed for %1:
%2</source>
        <translation>Für %1 wurde nichts geändert:
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n principal(s), of them %1 agent(s).</source>
        <translation>
            <numerusform>%n Beteiligter, davon %1 Agent(en).</numerusform>
            <numerusform>%n Beteiligte, davon %1 Agent(en).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load people and agents: %1</source>
        <translation>Personen und Agenten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Select someone to see them in detail.</source>
        <translation>Wählen Sie jemanden aus, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>Kennung: %1</translation>
    </message>
    <message>
        <source>Role: %1 · Status: %2</source>
        <translation>Rolle: %1 · Status: %2</translation>
    </message>
    <message>
        <source>No key: reads everything, signs nothing.</source>
        <translation>Kein Schlüssel: liest alles, signiert nichts.</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Last active: %1</source>
        <translation>Zuletzt aktiv: %1</translation>
    </message>
    <message>
        <source>A new person or agent, signed by %1. An agent&apos;s or approver&apos;s key is sealed with the passphrase you give it here; an analyst reads everything and gets no key.</source>
        <translation>Eine neue Person oder ein neuer Agent, signiert von %1. Der Schlüssel eines Agenten oder Freigebenden wird mit der hier angegebenen Passphrase versiegelt; Analysten lesen alles und erhalten keinen Schlüssel.</translation>
    </message>
    <message>
        <source>A new key for %1, signed by %2. The old key is retired; what it signed still verifies.</source>
        <translation>Ein neuer Schlüssel für %1, signiert von %2. Der alte Schlüssel wird stillgelegt; was er signiert hat, bleibt prüfbar.</translation>
    </message>
    <message>
        <source>Suspend %1: its next intents are refused before any model sees them, and its pending approval requests end, their spends released. Resume restores intake only.</source>
        <translation>%1 sperren: Die nächsten Aufträge werden abgewiesen, bevor ein Modell sie sieht, und offene Freigabeanfragen enden, ihre Reservierungen werden frei. Entsperren nimmt nur wieder Aufträge an.</translation>
    </message>
    <message>
        <source>Suspend %1: their key signs nothing until they are resumed.</source>
        <translation>%1 sperren: Der Schlüssel signiert nichts, bis wieder entsperrt wird.</translation>
    </message>
    <message>
        <source>Resume %1: intents are taken again. Requests that ended stay ended.</source>
        <translation>%1 entsperren: Aufträge werden wieder angenommen. Beendete Anfragen bleiben beendet.</translation>
    </message>
    <message>
        <source>Revoke %1 for good: a revoked key never signs again and cannot be resumed.</source>
        <translation>%1 endgültig widerrufen: Ein widerrufener Schlüssel signiert nie wieder und kann nicht entsperrt werden.</translation>
    </message>
    <message>
        <source>Freeze all agents: suspend %1 now. Their intents are refused and their pending approval requests end. Each is resumed on its own.</source>
        <translation>Alle Agenten einfrieren: %1 jetzt sperren. Ihre Aufträge werden abgewiesen und ihre offenen Freigabeanfragen beendet. Jeder wird einzeln entsperrt.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Wird signiert…</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>What the policy “%1” lets it do:</source>
        <translation>Was die Richtlinie „%1“ erlaubt:</translation>
    </message>
    <message>
        <source>No rule applies to it: everything it proposes is denied.</source>
        <translation>Keine Regel gilt dafür: Alles, was vorgeschlagen wird, wird verweigert.</translation>
    </message>
    <message>
        <source>allows</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>braucht Freigabe</translation>
    </message>
    <message>
        <source>denies</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation>• %1 (%2): %3</translation>
    </message>
    <message>
        <source>; each %1</source>
        <translation>; je %1</translation>
    </message>
    <message>
        <source>; in total %1</source>
        <translation>; insgesamt %1</translation>
    </message>
    <message>
        <source>only a risk manager changes people and agents</source>
        <translation>nur das Risikomanagement ändert Personen und Agenten</translation>
    </message>
    <message>
        <source>Each cap&apos;s use in its window up to now:</source>
        <translation>Auslastung jeder Obergrenze in ihrem Zeitfenster bis jetzt:</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalDetail</name>
    <message>
        <source>What the agent wants</source>
        <translation>Was der Agent will</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source> (worth %1)</source>
        <translation> (Wert %1)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Buys</source>
        <translation>Kauft</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Mindestens</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Handelsplatz</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>%1 &lt;i&gt;(from %2)&lt;/i&gt;</source>
        <translation>%1 &lt;i&gt;(aus %2)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>If it settles now (simulated)</source>
        <translation>Bei Ausführung jetzt (simuliert)</translation>
    </message>
    <message>
        <source>It cannot execute now: %1</source>
        <translation>Jetzt nicht ausführbar: %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>Erhält</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Price impact</source>
        <translation>Preiseinfluss</translation>
    </message>
    <message>
        <source>%1 bps (%2 %)</source>
        <translation>%1 bps (%2 %)</translation>
    </message>
    <message>
        <source>Balances changed since it was decided: approving decides it again on the balances above, and a deny then fails it.</source>
        <translation>Die Salden haben sich seit der Entscheidung geändert: Eine Freigabe entscheidet erneut auf Basis der obigen Salden, und eine Ablehnung durch die Richtlinie lässt sie dann scheitern.</translation>
    </message>
    <message>
        <source>Decided again on these balances, it is allowed.</source>
        <translation>Auf Basis dieser Salden erneut entschieden: Sie ist erlaubt.</translation>
    </message>
    <message>
        <source>Decided again on these balances, it still needs approval.</source>
        <translation>Auf Basis dieser Salden erneut entschieden: Sie braucht weiterhin eine Freigabe.</translation>
    </message>
    <message>
        <source>Decided again on these balances, it is denied, so approving it now fails it: %1</source>
        <translation>Auf Basis dieser Salden erneut entschieden: Sie wird abgelehnt, eine Freigabe jetzt lässt sie scheitern: %1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>What would change it:</source>
        <translation>Was sie ändern würde:</translation>
    </message>
    <message>
        <source>%1: spent %2, %3 with this</source>
        <translation>%1: ausgegeben %2, %3 mit diesem</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>computed &lt;b&gt;%1&lt;/b&gt;, %2 approval(s) · the agent claimed %3, %4 approval(s)</source>
        <translation>berechnet &lt;b&gt;%1&lt;/b&gt;, %2 Freigabe(n) · der Agent gab %3 an, %4 Freigabe(n)</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>The agent under-claimed its risk.</source>
        <translation>Der Agent hat sein Risiko zu niedrig angegeben.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signiert von</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemandem</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Noch nötig</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>in %1 (%2)</source>
        <translation>in %1 (%2)</translation>
    </message>
    <message>
        <source>Your signature covers</source>
        <translation>Ihre Signatur umfasst</translation>
    </message>
    <message>
        <source>SHA-256 of this proposal, its simulation, the policy version and the decision.</source>
        <translation>SHA-256 dieses Vorschlags, seiner Simulation, der Richtlinienversion und der Entscheidung.</translation>
    </message>
    <message>
        <source>%1 · %2: %3 %4 → %5</source>
        <translation>%1 · %2: %3 %4 → %5</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Decided without an approval request.</source>
        <translation>Ohne Freigabeanfrage entschieden.</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>%1, &lt;b&gt;%2&lt;/b&gt; · over entries 1–%3 of the log</source>
        <translation>%1, &lt;b&gt;%2&lt;/b&gt; · über die Einträge 1–%3 des Protokolls</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalQueueModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>pay API</source>
        <translation>API bezahlen</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>Tausch</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>Einlage</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>Abhebung</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>→ %1 on %2</source>
        <translation>→ %1 auf %2</translation>
    </message>
    <message>
        <source>%1 (claimed %2)</source>
        <translation>%1 (angegeben %2)</translation>
    </message>
    <message>
        <source>%1 (under-claimed)</source>
        <translation>%1 (unterschätzt)</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>The agent claimed %1 risk; the policy computes %2.</source>
        <translation>Der Agent gab Risiko %1 an; die Richtlinie berechnet %2.</translation>
    </message>
    <message>
        <source>Worth %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Signiert von %1</translation>
    </message>
    <message>
        <source>Needs %1</source>
        <translation>Benötigt %1</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 Min.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Jedes Risiko</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>Jede Regel</translation>
    </message>
    <message>
        <source>Search proposals</source>
        <translation>Vorschläge durchsuchen</translation>
    </message>
    <message>
        <source>Open a workspace to see the proposals awaiting approval.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um die Vorschläge zu sehen, die auf Freigabe warten.</translation>
    </message>
    <message>
        <source>Loading the approval queue…</source>
        <translation>Freigabewarteschlange wird geladen…</translation>
    </message>
    <message>
        <source>Nothing awaits approval.</source>
        <translation>Nichts wartet auf Freigabe.</translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n shown)</source>
        <translation>
            <numerusform> (%n angezeigt)</numerusform>
            <numerusform> (%n angezeigt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n past expiry</source>
        <translation>
            <numerusform> · %n abgelaufen</numerusform>
            <numerusform> · %n abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 approved · %2 rejected · %3 expired</source>
        <translation> · %1 freigegeben · %2 abgelehnt · %3 abgelaufen</translation>
    </message>
    <message>
        <source>Select a proposal.</source>
        <translation>Wählen Sie einen Vorschlag.</translation>
    </message>
    <message>
        <source>Still signing the previous verdict.</source>
        <translation>Die vorige Entscheidung wird noch signiert.</translation>
    </message>
    <message>
        <source>Select a proposal first (J / K).</source>
        <translation>Wählen Sie zuerst einen Vorschlag (J / K).</translation>
    </message>
    <message>
        <source>The passphrase was forgotten; nothing was signed. Press the key again.</source>
        <translation>Die Passphrase wurde vergessen; nichts wurde signiert. Drücken Sie die Taste erneut.</translation>
    </message>
    <message>
        <source>Signing %1 as %2…</source>
        <translation>%1 wird als %2 signiert…</translation>
    </message>
    <message>
        <source>%1: approved and executed; receipt in audit entry %2.</source>
        <translation>%1: freigegeben und ausgeführt; Beleg im Audit-Eintrag %2.</translation>
    </message>
    <message>
        <source>%1: your approval is recorded; it %2.</source>
        <translation>%1: Ihre Freigabe ist erfasst; noch offen: %2.</translation>
    </message>
    <message>
        <source>%1: rejected.</source>
        <translation>%1: abgelehnt.</translation>
    </message>
    <message>
        <source>Nothing was signed for %1: %2</source>
        <translation>Für %1 wurde nichts signiert: %2</translation>
    </message>
    <message>
        <source>The remembered passphrase is forgotten; the next verdict asks for it.</source>
        <translation>Die gemerkte Passphrase ist vergessen; die nächste Entscheidung fragt danach.</translation>
    </message>
    <message>
        <source>J / K move · A approve · R reject · E edit and approve · Ctrl+F search · Ctrl+L forget the passphrase · F5 refresh</source>
        <translation>J / K bewegen · A freigeben · R ablehnen · E bearbeiten und freigeben · Strg+F suchen · Strg+L Passphrase vergessen · F5 aktualisieren</translation>
    </message>
    <message>
        <source>%1 already approved this version of %2; an approver counts once.</source>
        <translation>%1 hat diese Version von %2 bereits freigegeben; jeder Freigebende zählt einmal.</translation>
    </message>
    <message>
        <source>Read-only: the audit log does not verify, so no verdict can be signed here.</source>
        <translation>Nur lesen: Das Prüfprotokoll ist nicht intakt, daher kann hier keine Entscheidung signiert werden.</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: fehlgeschlagen — %2</translation>
    </message>
    <message>
        <source>%1: denied — %2</source>
        <translation>%1: verweigert — %2</translation>
    </message>
    <message>
        <source>%1 cannot sign verdicts: only an active approver or risk manager can. Sign in as one (File &gt; Sign In).</source>
        <translation>%1 kann keine Entscheidungen signieren: Das können nur aktive Freigebende oder das Risikomanagement. Melden Sie sich als solche an (Datei &gt; Anmelden).</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in as an approver to sign verdicts (File &gt; Sign In).</source>
        <translation>Niemand ist angemeldet. Melden Sie sich als Freigebende(r) an, um Entscheidungen zu signieren (Datei &gt; Anmelden).</translation>
    </message>
</context>
<context>
    <name>cs::ui::AuditStrip</name>
    <message>
        <source>entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>settlements</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>cs::ui::AuditTimelineModel</name>
    <message>
        <source>signed</source>
        <translation>signiert</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
</context>
<context>
    <name>cs::ui::AuditView</name>
    <message>
        <source>not signed (covered by the hash chain and the signed checkpoints)</source>
        <translation>nicht signiert (durch die Hash-Kette und die signierten Prüfpunkte abgedeckt)</translation>
    </message>
    <message>
        <source>signed by %1, valid</source>
        <translation>signiert von %1, gültig</translation>
    </message>
    <message>
        <source>signed by %1, does NOT verify</source>
        <translation>signiert von %1, NICHT gültig</translation>
    </message>
    <message>
        <source>signed by %1, whose key the log does not register</source>
        <translation>signiert von %1, dessen Schlüssel das Protokoll nicht registriert</translation>
    </message>
    <message>
        <source>Replay proposal</source>
        <translation>Vorschlag nachvollziehen</translation>
    </message>
    <message>
        <source>Verify log</source>
        <translation>Protokoll prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Needs approval</source>
        <translation>Freigabe nötig</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refused by the parser or intake</source>
        <translation>Vom Parser oder beim Eingang zurückgewiesen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected by an approver</source>
        <translation>Von einer Freigabeperson abgelehnt</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Search entries…</source>
        <translation>Einträge durchsuchen…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries of this proposal (click to show):</source>
        <translation>Einträge dieses Vorschlags (zum Anzeigen klicken):</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Recomputed</source>
        <translation>Neu berechnet</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Nachvollzug</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The log does NOT verify: %1</source>
        <translation>Das Protokoll ist NICHT intakt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n entries, the hash chain, the Merkle roots and %1 checkpoints; %2 balances recomputed from the log.</source>
        <translation>
            <numerusform>Geprüft: %n Eintrag, die Hash-Kette, die Merkle-Wurzeln und %1 Prüfpunkte; %2 Salden aus dem Protokoll neu berechnet.</numerusform>
            <numerusform>Geprüft: %n Einträge, die Hash-Kette, die Merkle-Wurzeln und %1 Prüfpunkte; %2 Salden aus dem Protokoll neu berechnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>&lt;b&gt;Entry %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;Eintrag %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Leaf hash: &lt;tt&gt;%1&lt;/tt&gt; %2</source>
        <translation>Blatt-Hash: &lt;tt&gt;%1&lt;/tt&gt; %2</translation>
    </message>
    <message>
        <source>(matches its bytes)</source>
        <translation>(passt zu seinen Bytes)</translation>
    </message>
    <message>
        <source>(does NOT match its bytes)</source>
        <translation>(passt NICHT zu seinen Bytes)</translation>
    </message>
    <message>
        <source>Previous: &lt;tt&gt;%1&lt;/tt&gt; %2</source>
        <translation>Vorgänger: &lt;tt&gt;%1&lt;/tt&gt; %2</translation>
    </message>
    <message>
        <source>(the entry before)</source>
        <translation>(der Eintrag davor)</translation>
    </message>
    <message>
        <source>(does NOT chain)</source>
        <translation>(verkettet NICHT)</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>Signatur: %1</translation>
    </message>
    <message numerus="yes">
        <source>Inclusion proof: valid against the checkpoint at size %1 (root &lt;tt&gt;%2…&lt;/tt&gt;, %n hashes)</source>
        <translation>
            <numerusform>Einschlussnachweis: gültig gegen den Prüfpunkt bei Größe %1 (Wurzel &lt;tt&gt;%2…&lt;/tt&gt;, %n Hash)</numerusform>
            <numerusform>Einschlussnachweis: gültig gegen den Prüfpunkt bei Größe %1 (Wurzel &lt;tt&gt;%2…&lt;/tt&gt;, %n Hashes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Inclusion proof: %1</source>
        <translation>Einschlussnachweis: %1</translation>
    </message>
    <message>
        <source>Replay %1</source>
        <translation>%1 nachvollziehen</translation>
    </message>
    <message>
        <source>Replaying %1 from the log…</source>
        <translation>%1 wird aus dem Protokoll nachvollzogen…</translation>
    </message>
    <message>
        <source>%1 (%2): every step recomputed from the log is identical to what it recorded.</source>
        <translation>%1 (%2): jeder aus dem Protokoll neu berechnete Schritt gleicht dem aufgezeichneten.</translation>
    </message>
    <message>
        <source>%1 (%2) DIVERGES at entry %3, %4: %5</source>
        <translation>%1 (%2) WEICHT AB bei Eintrag %3, %4: %5</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>differs: %1</source>
        <translation>weicht ab: %1</translation>
    </message>
    <message>
        <source>(checked, nothing to compare side by side)</source>
        <translation>(geprüft, nichts nebeneinander zu vergleichen)</translation>
    </message>
    <message>
        <source>Verifying the log and the money…</source>
        <translation>Protokoll und Geld werden geprüft…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON-Zeilen (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Shown in the strip</source>
        <translation>Im Streifen gezeigt</translation>
    </message>
</context>
<context>
    <name>cs::ui::CapBar</name>
    <message>
        <source>%1 of %2 %3 since %4 (%5 %)</source>
        <translation>%1 von %2 %3 seit %4 (%5 %)</translation>
    </message>
</context>
<context>
    <name>cs::ui::EngineClient</name>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>The engine key is locked, so an approved proposal could not settle. Unlock it with File &gt; Unlock Engine Key…, then sign again.</source>
        <translation>Der Engine-Schlüssel ist gesperrt, daher könnte ein freigegebener Vorschlag nicht ausgeführt werden. Entsperren Sie ihn mit Datei &gt; Engine-Schlüssel entsperren… und signieren Sie erneut.</translation>
    </message>
    <message>
        <source>The audit log does not verify; nothing is signed.</source>
        <translation>Das Prüfprotokoll ist nicht intakt; es wird nichts signiert.</translation>
    </message>
    <message>
        <source>%1 was added, signed by %2 (entry %3).</source>
        <translation>%1 wurde hinzugefügt, signiert von %2 (Eintrag %3).</translation>
    </message>
    <message>
        <source>%1 has a new key, %2; the old one is retired.</source>
        <translation>%1 hat einen neuen Schlüssel, %2; der alte ist stillgelegt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is now %2; %n pending request(s) ended.</source>
        <translation>
            <numerusform>%1 ist jetzt %2; %n offene Anfrage beendet.</numerusform>
            <numerusform>%1 ist jetzt %2; %n offene Anfragen beendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing new: all %n item(s) were there already; nothing was written.</source>
        <translation>
            <numerusform>Nichts Neues: der %n Eintrag war schon vorhanden; nichts wurde geschrieben.</numerusform>
            <numerusform>Nichts Neues: alle %n Einträge waren schon vorhanden; nichts wurde geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added, signed by %1 (entry %2).</source>
        <translation>
            <numerusform>%n Eintrag hinzugefügt, signiert von %1 (Eintrag %2).</numerusform>
            <numerusform>%n Einträge hinzugefügt, signiert von %1 (Eintrag %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is now %2 %3, signed by %4 (entry %5).</source>
        <translation>%1 ist jetzt %2 %3, signiert von %4 (Eintrag %5).</translation>
    </message>
    <message>
        <source>%1 already reads so; nothing was signed.</source>
        <translation>%1 lautet bereits so; nichts wurde signiert.</translation>
    </message>
    <message>
        <source>%1 now reads “%2”, signed by %3 (entry %4).</source>
        <translation>%1 lautet jetzt „%2“, signiert von %3 (Eintrag %4).</translation>
    </message>
    <message>
        <source>The policy draft was not kept: %1</source>
        <translation>Der Richtlinienentwurf wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::HealthPanel</name>
    <message>
        <source>an agent acts but cannot explain</source>
        <translation>ein Agent handelt, kann es aber nicht erklären</translation>
    </message>
    <message>
        <source>spending without proven authorization</source>
        <translation>Ausgaben ohne nachgewiesene Befugnis</translation>
    </message>
    <message>
        <source>logs that leak private data</source>
        <translation>Protokolle, die private Daten preisgeben</translation>
    </message>
    <message>
        <source>reputation that is not portable</source>
        <translation>Reputation, die nicht übertragbar ist</translation>
    </message>
    <message>
        <source>incentives that reward activity instead of useful output</source>
        <translation>Anreize, die Aktivität statt nützlicher Ergebnisse belohnen</translation>
    </message>
    <message>
        <source>approvers who rubber-stamp</source>
        <translation>Freigebende, die alles abnicken</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Red flag</source>
        <translation>Warnsignal</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Findings (double-click one about an entry to show it in the audit timeline):</source>
        <translation>Befunde (Doppelklick auf einen Befund zu einem Eintrag zeigt ihn im Prüfprotokoll):</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; over %n entries of the log (the same checks as countersign-cli doctor)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; über %n Eintrag des Protokolls (dieselben Prüfungen wie countersign-cli doctor)</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; über %n Einträge des Protokolls (dieselben Prüfungen wie countersign-cli doctor)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every red flag checked is clear</source>
        <translation>Kein geprüftes Warnsignal schlägt an</translation>
    </message>
    <message>
        <source>Nothing fails; some warnings</source>
        <translation>Nichts schlägt fehl; einige Warnungen</translation>
    </message>
    <message>
        <source>A red flag fails</source>
        <translation>Ein Warnsignal schlägt an</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>every one of %n executed action(s) has a rationale and a decision explanation</source>
        <translation>
            <numerusform>die %n ausgeführte Aktion hat eine Begründung und eine Erklärung der Entscheidung</numerusform>
            <numerusform>jede der %n ausgeführten Aktionen hat eine Begründung und eine Erklärung der Entscheidung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n executed action(s) lack an explanation</source>
        <translation>
            <numerusform>%n ausgeführte Aktion ohne Erklärung</numerusform>
            <numerusform>%n ausgeführte Aktionen ohne Erklärung</numerusform>
        </translation>
    </message>
    <message>
        <source>every settlement follows an allow or a quorum of valid approval signatures</source>
        <translation>jede Abwicklung folgt einer Erlaubnis oder einem Quorum gültiger Freigabesignaturen</translation>
    </message>
    <message numerus="yes">
        <source>%n settlement(s) without proven authorization</source>
        <translation>
            <numerusform>%n Abwicklung ohne nachgewiesene Befugnis</numerusform>
            <numerusform>%n Abwicklungen ohne nachgewiesene Befugnis</numerusform>
        </translation>
    </message>
    <message>
        <source>entries hold what looks like a secret</source>
        <translation>Einträge enthalten etwas, das wie ein Geheimnis aussieht</translation>
    </message>
    <message>
        <source>no entry holds a recognisable secret</source>
        <translation>kein Eintrag enthält ein erkennbares Geheimnis</translation>
    </message>
    <message numerus="yes">
        <source>no entry holds a recognisable secret; intake redacted %n from intents&apos; free text</source>
        <translation>
            <numerusform>kein Eintrag enthält ein erkennbares Geheimnis; die Annahme hat %n aus dem Freitext von Aufträgen entfernt</numerusform>
            <numerusform>kein Eintrag enthält ein erkennbares Geheimnis; die Annahme hat %n aus dem Freitext von Aufträgen entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>every agent&apos;s reputation can be exported as a signed attestation (countersign-cli attest)</source>
        <translation>die Reputation jedes Agenten lässt sich als signierte Bescheinigung exportieren (countersign-cli attest)</translation>
    </message>
    <message>
        <source>some reputations cannot be attested yet</source>
        <translation>manche Reputationen lassen sich noch nicht bescheinigen</translation>
    </message>
    <message>
        <source>a few approved outcomes outscore many routine ones: the score rewards outcomes, not activity</source>
        <translation>wenige freigegebene Ergebnisse übertreffen viele Routineergebnisse: der Wert belohnt Ergebnisse, nicht Aktivität</translation>
    </message>
    <message>
        <source>activity outscores outcomes: the scoring rewards volume</source>
        <translation>Aktivität übertrifft Ergebnisse: die Bewertung belohnt Menge</translation>
    </message>
    <message numerus="yes">
        <source>%n approver(s); none rubber-stamps</source>
        <translation>
            <numerusform>%n Freigebende(r); niemand nickt ab</numerusform>
            <numerusform>%n Freigebende; niemand nickt ab</numerusform>
        </translation>
    </message>
    <message>
        <source>an approver approves everything in seconds</source>
        <translation>jemand gibt alles in Sekunden frei</translation>
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
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
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
        <source>About Countersign</source>
        <translation>Über Countersign</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;The operator console for AI agents that move money: agents propose, the engine simulates and checks every proposal against a signed policy, people approve what is risky, and every step is written to a tamper-evident audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;Die Bedienkonsole für KI-Agenten, die Geld bewegen: Agenten schlagen vor, die Engine simuliert jeden Vorschlag und prüft ihn gegen eine signierte Richtlinie, Menschen geben Riskantes frei, und jeder Schritt wird in ein manipulationssicheres Prüfprotokoll geschrieben.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
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
        <source>Pipeline: done, %1 processed</source>
        <translation>Pipeline: fertig, %1 verarbeitet</translation>
    </message>
    <message>
        <source>Pipeline: %1 processed, last %2 %3</source>
        <translation>Pipeline: %1 verarbeitet, zuletzt %2 %3</translation>
    </message>
    <message>
        <source>Engine: ready, key unlocked</source>
        <translation>Engine: bereit, Schlüssel entsperrt</translation>
    </message>
    <message>
        <source>&amp;Unlock Engine Key…</source>
        <translation>Engine-Schlüssel &amp;entsperren…</translation>
    </message>
    <message>
        <source>Unlock Engine Key</source>
        <translation>Engine-Schlüssel entsperren</translation>
    </message>
    <message>
        <source>Passphrase of the engine key (it stays unlocked while the workspace is open):</source>
        <translation>Passphrase des Engine-Schlüssels (er bleibt entsperrt, solange der Arbeitsbereich offen ist):</translation>
    </message>
    <message>
        <source>Checking the audit log… %p%</source>
        <translation>Prüfprotokoll wird geprüft … %p %</translation>
    </message>
    <message>
        <source>Read-only: this workspace&apos;s audit log does not verify, so nothing will be written to it (no verdict, no settlement, no checkpoint). First problem: %1</source>
        <translation>Nur lesen: Das Prüfprotokoll dieses Arbeitsbereichs ist nicht intakt, daher wird nichts hineingeschrieben (keine Entscheidung, keine Abwicklung, kein Prüfpunkt). Erstes Problem: %1</translation>
    </message>
    <message>
        <source>Engine: read-only</source>
        <translation>Engine: nur lesen</translation>
    </message>
    <message>
        <source>People &amp; agents</source>
        <translation>Personen &amp; Agenten</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Welt</translation>
    </message>
    <message>
        <source>Who the console signs as; click to sign in as someone else</source>
        <translation>Als wer die Konsole signiert; klicken, um sich als jemand anderes anzumelden</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in: %1, %2</source>
        <translation>Angemeldet: %1, %2</translation>
    </message>
    <message>
        <source>%1[*] — Countersign</source>
        <translation>%1[*] — Countersign</translation>
    </message>
</context>
<context>
    <name>cs::ui::NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>Choose an empty folder for the workspace</source>
        <translation>Wählen Sie einen leeren Ordner für den Arbeitsbereich</translation>
    </message>
    <message>
        <source>A workspace of your own starts with the engine, which signs decisions, receipts and checkpoints, and its first risk manager, who adds everyone else and publishes the policy. Both keys are sealed with the passphrases you choose here; they are never stored.</source>
        <translation>Ein eigener Arbeitsbereich beginnt mit der Engine, die Entscheidungen, Belege und Prüfpunkte signiert, und dem ersten Risikomanagement, das alle anderen hinzufügt und die Richtlinie veröffentlicht. Beide Schlüssel werden mit den hier gewählten Passphrasen versiegelt; diese werden nie gespeichert.</translation>
    </message>
    <message>
        <source>1. Where</source>
        <translation>1. Wo</translation>
    </message>
    <message>
        <source>&amp;Folder (empty or new):</source>
        <translation>&amp;Ordner (leer oder neu):</translation>
    </message>
    <message>
        <source>2. The engine&apos;s key</source>
        <translation>2. Der Schlüssel der Engine</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>3. The first risk manager</source>
        <translation>3. Das erste Risikomanagement</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Choose the folder the workspace goes in.</source>
        <translation>Wählen Sie den Ordner für den Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The folder must be empty or not exist yet.</source>
        <translation>Der Ordner muss leer sein oder noch nicht existieren.</translation>
    </message>
    <message>
        <source>The engine&apos;s key needs a passphrase.</source>
        <translation>Der Schlüssel der Engine braucht eine Passphrase.</translation>
    </message>
    <message>
        <source>The engine&apos;s two passphrases differ.</source>
        <translation>Die beiden Passphrasen der Engine stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The risk manager&apos;s id is lowercase letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;-&apos; and &apos;_&apos; (and not “engine”).</source>
        <translation>Die Kennung des Risikomanagements besteht aus Kleinbuchstaben, Ziffern, „.“, „:“, „-“ und „_“ (und ist nicht „engine“).</translation>
    </message>
    <message>
        <source>The risk manager&apos;s key needs a passphrase.</source>
        <translation>Der Schlüssel des Risikomanagements braucht eine Passphrase.</translation>
    </message>
    <message>
        <source>The risk manager&apos;s two passphrases differ.</source>
        <translation>Die beiden Passphrasen des Risikomanagements stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Give the risk manager a passphrase of their own, not the engine&apos;s.</source>
        <translation>Geben Sie dem Risikomanagement eine eigene Passphrase, nicht die der Engine.</translation>
    </message>
</context>
<context>
    <name>cs::ui::PeopleModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no key (signs nothing)</source>
        <translation>kein Schlüssel (signiert nichts)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Schlüssel-Fingerabdruck</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyForm</name>
    <message>
        <source>a, b · not a, b · list NAME · not list NAME · empty: any</source>
        <translation>a, b · not a, b · list NAME · not list NAME · leer: beliebig</translation>
    </message>
    <message>
        <source>amount in the reference currency</source>
        <translation>Betrag in der Referenzwährung</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>Regel-ID</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>freigabepflichtig</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>verweigern</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Vermögenswerte</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Handelsplätze</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Gegenparteien</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>listed counterparty</source>
        <translation>gelistete Gegenpartei</translation>
    </message>
    <message>
        <source>never paid before</source>
        <translation>noch nie bezahlt</translation>
    </message>
    <message>
        <source>Per transaction above</source>
        <translation>Je Transaktion über</translation>
    </message>
    <message>
        <source>Per transaction at most</source>
        <translation>Je Transaktion höchstens</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>calendar_day, 24h, 7d, 3600s</source>
        <translation>calendar_day, 24h, 7d, 3600s</translation>
    </message>
    <message>
        <source>Window total above</source>
        <translation>Fenstersumme über</translation>
    </message>
    <message>
        <source>Window total at most</source>
        <translation>Fenstersumme höchstens</translation>
    </message>
    <message>
        <source>Approver groups</source>
        <translation>Freigabegruppen</translation>
    </message>
    <message>
        <source>group:threshold, …</source>
        <translation>Gruppe:Schwelle, …</translation>
    </message>
    <message>
        <source>Why so broad</source>
        <translation>Warum so weit gefasst</translation>
    </message>
    <message>
        <source>required for an allow rule for every agent and action without limits</source>
        <translation>nötig für eine Erlaubnisregel für alle Agenten und Aktionen ohne Grenzen</translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation>Name der Richtlinie</translation>
    </message>
    <message>
        <source>Reference currency</source>
        <translation>Referenzwährung</translation>
    </message>
    <message>
        <source>what amounts and caps are valued in</source>
        <translation>worin Beträge und Obergrenzen bewertet werden</translation>
    </message>
    <message>
        <source>Simulation required</source>
        <translation>Simulation erforderlich</translation>
    </message>
    <message>
        <source>yes: a proposal that does not simulate is denied</source>
        <translation>ja: ein Vorschlag ohne gelungene Simulation wird verweigert</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Largest slippage (bps)</source>
        <translation>Größte Slippage (bps)</translation>
    </message>
    <message>
        <source>Approvals expire after</source>
        <translation>Freigaben verfallen nach</translation>
    </message>
    <message>
        <source>24h, 7d, 3600s</source>
        <translation>24h, 7d, 3600s</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>of calendar days, e.g. UTC</source>
        <translation>der Kalendertage, z. B. UTC</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Agent&apos;s reputation</source>
        <translation>Reputation des Agenten</translation>
    </message>
    <message>
        <source>below trusted</source>
        <translation>unter vertrauenswürdig</translation>
    </message>
    <message>
        <source>below provisional</source>
        <translation>unter vorläufig</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyListsModel</name>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyRulesModel</name>
    <message>
        <source>above %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>%1; role %2</source>
        <translation>%1; Rolle %2</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 je %2</translation>
    </message>
    <message>
        <source>does not read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Vermögenswerte</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Handelsplätze</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Gegenparteien</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Per transaction</source>
        <translation>Je Transaktion</translation>
    </message>
    <message>
        <source>Window cap</source>
        <translation>Fenstergrenze</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>Freigebende</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>freigabepflichtig</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>verweigern</translation>
    </message>
    <message>
        <source>%1; below trusted</source>
        <translation>%1; unter vertrauenswürdig</translation>
    </message>
    <message>
        <source>%1; below provisional</source>
        <translation>%1; unter vorläufig</translation>
    </message>
    <message>
        <source>%1; below %2</source>
        <translation>%1; unter %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyView</name>
    <message>
        <source>Add rule…</source>
        <translation>Regel hinzufügen…</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Entwurf verwerfen…</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>Was wäre wenn…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Lists and groups</source>
        <translation>Listen und Gruppen</translation>
    </message>
    <message>
        <source>Globals</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Cap usage</source>
        <translation>Ausschöpfung</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>Changes and checks</source>
        <translation>Änderungen und Prüfungen</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Published “%1” (version %2…) as a shadow, signed by %3 — entry %4. It decides nothing; the Shadow tab shows where it would decide otherwise.</source>
        <translation>„%1“ (Version %2…) als Schatten veröffentlicht, signiert von %3 — Eintrag %4. Sie entscheidet nichts; der Reiter Schatten zeigt, wo sie anders entscheiden würde.</translation>
    </message>
    <message>
        <source>Published “%1” (version %2…), signed by %3 — entry %4 of the audit log. It decides from now on.</source>
        <translation>„%1“ (Version %2…) veröffentlicht, signiert von %3 — Eintrag %4 des Prüfprotokolls. Sie entscheidet ab jetzt.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>members, separated by commas</source>
        <translation>Mitglieder, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Add list…</source>
        <translation>Liste hinzufügen…</translation>
    </message>
    <message>
        <source>Remove list</source>
        <translation>Liste entfernen</translation>
    </message>
    <message>
        <source>members of %1</source>
        <translation>Mitglieder von %1</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Mitglieder:</translation>
    </message>
    <message>
        <source>Approver groups (members, separated by commas):</source>
        <translation>Freigabegruppen (Mitglieder, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>members of group %1</source>
        <translation>Mitglieder der Gruppe %1</translation>
    </message>
    <message>
        <source>No shadow version runs. Publish a draft as a shadow to see, live, where it would decide otherwise than the active version — without enforcing anything.</source>
        <translation>Keine Schattenversion läuft. Veröffentlichen Sie einen Entwurf als Schatten, um live zu sehen, wo er anders entscheiden würde als die aktive Version — ohne etwas durchzusetzen.</translation>
    </message>
    <message>
        <source>Shadow “%1” (version %2…), published by %3 at %4, beside the active version %5….</source>
        <translation>Schatten „%1“ (Version %2…), veröffentlicht von %3 am %4, neben der aktiven Version %5….</translation>
    </message>
    <message numerus="yes">
        <source>%n live decision(s) it would have made otherwise, worth %1 %2:</source>
        <translation>
            <numerusform>%n Live-Entscheidung, die sie anders getroffen hätte, im Wert von %1 %2:</numerusform>
            <numerusform>%n Live-Entscheidungen, die sie anders getroffen hätte, im Wert von %1 %2:</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft kept in the workspace does not read (%1); the active version is shown.</source>
        <translation>Der im Arbeitsbereich gespeicherte Entwurf ist nicht lesbar (%1); die aktive Version wird gezeigt.</translation>
    </message>
    <message>
        <source>The draft kept in this workspace is open again; nobody has signed it.</source>
        <translation>Der in diesem Arbeitsbereich gespeicherte Entwurf ist wieder geöffnet; niemand hat ihn signiert.</translation>
    </message>
    <message>
        <source>No policy is published yet: everything is denied.</source>
        <translation>Noch keine Richtlinie veröffentlicht: Alles wird verweigert.</translation>
    </message>
    <message>
        <source>The active version is %1….</source>
        <translation>Die aktive Version ist %1….</translation>
    </message>
    <message>
        <source>The draft does not read: %1</source>
        <translation>Der Entwurf ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1 The draft is the active version.</source>
        <translation>%1 Der Entwurf ist die aktive Version.</translation>
    </message>
    <message numerus="yes">
        <source>%1 The draft differs from it in %n place(s): </source>
        <translation>
            <numerusform>%1 Der Entwurf weicht an %n Stelle davon ab: </numerusform>
            <numerusform>%1 Der Entwurf weicht an %n Stellen davon ab: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s), </source>
        <translation>
            <numerusform>%n Fehler, </numerusform>
            <numerusform>%n Fehler, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n Warnung.</numerusform>
            <numerusform>%n Warnungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Does not read:</source>
        <translation>Nicht lesbar:</translation>
    </message>
    <message>
        <source>Changes from the active version:</source>
        <translation>Änderungen gegenüber der aktiven Version:</translation>
    </message>
    <message>
        <source>Static checks:</source>
        <translation>Statische Prüfungen:</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The active policy has no cap over a window.</source>
        <translation>Die aktive Richtlinie hat keine Obergrenze über ein Zeitfenster.</translation>
    </message>
    <message>
        <source>Anyone may draft and try a policy here; only a risk manager publishes it.</source>
        <translation>Jede(r) darf hier eine Richtlinie entwerfen und ausprobieren; nur das Risikomanagement veröffentlicht sie.</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>The new rule&apos;s id (letters, digits, . - _):</source>
        <translation>ID der neuen Regel (Buchstaben, Ziffern, . - _):</translation>
    </message>
    <message>
        <source>There is a rule %1 already.</source>
        <translation>Es gibt bereits eine Regel %1.</translation>
    </message>
    <message>
        <source>add rule %1</source>
        <translation>Regel %1 hinzufügen</translation>
    </message>
    <message>
        <source>remove rule %1</source>
        <translation>Regel %1 entfernen</translation>
    </message>
    <message>
        <source>move rule %1</source>
        <translation>Regel %1 verschieben</translation>
    </message>
    <message>
        <source>Add a list</source>
        <translation>Liste hinzufügen</translation>
    </message>
    <message>
        <source>The new list&apos;s name:</source>
        <translation>Name der neuen Liste:</translation>
    </message>
    <message>
        <source>What it lists:</source>
        <translation>Was sie auflistet:</translation>
    </message>
    <message>
        <source>add list %1</source>
        <translation>Liste %1 hinzufügen</translation>
    </message>
    <message>
        <source>remove list %1</source>
        <translation>Liste %1 entfernen</translation>
    </message>
    <message>
        <source>Import a policy</source>
        <translation>Richtlinie importieren</translation>
    </message>
    <message>
        <source>Policy files (*.json)</source>
        <translation>Richtliniendateien (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be read, or is larger than 4 MiB; the draft is unchanged.</source>
        <translation>%1 ist nicht lesbar oder größer als 4 MiB; der Entwurf bleibt unverändert.</translation>
    </message>
    <message>
        <source>%1 is not JSON (at byte %2: %3); the draft is unchanged.</source>
        <translation>%1 ist kein JSON (bei Byte %2: %3); der Entwurf bleibt unverändert.</translation>
    </message>
    <message>
        <source>%1 is not a policy document (a JSON object); the draft is unchanged.</source>
        <translation>%1 ist kein Richtliniendokument (ein JSON-Objekt); der Entwurf bleibt unverändert.</translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Export the draft</source>
        <translation>Entwurf exportieren</translation>
    </message>
    <message>
        <source>The draft could not be written to %1: %2</source>
        <translation>Der Entwurf konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The draft was written to %1 (signed by nobody).</source>
        <translation>Der Entwurf wurde nach %1 geschrieben (von niemandem signiert).</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>Go back to the active version? (Undo brings the draft back.)</source>
        <translation>Zur aktiven Version zurückkehren? (Rückgängig holt den Entwurf zurück.)</translation>
    </message>
    <message>
        <source>discard the draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>The policy draft is not published</source>
        <translation>Der Richtlinienentwurf ist nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Keep the draft in this workspace for next time, or discard it?</source>
        <translation>Den Entwurf für das nächste Mal in diesem Arbeitsbereich behalten oder verwerfen?</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Entwurf behalten</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Publish the policy as %1</source>
        <translation>Richtlinie als %1 veröffentlichen</translation>
    </message>
    <message>
        <source>“%1” decides every proposal from the moment it is published. It is signed with your key and recorded in the audit log.</source>
        <translation>„%1“ entscheidet ab der Veröffentlichung über jeden Vorschlag. Sie wird mit Ihrem Schlüssel signiert und im Prüfprotokoll festgehalten.</translation>
    </message>
    <message numerus="yes">
        <source>Static checks: %n warning(s), no errors.</source>
        <translation>
            <numerusform>Statische Prüfungen: %n Warnung, keine Fehler.</numerusform>
            <numerusform>Statische Prüfungen: %n Warnungen, keine Fehler.</numerusform>
        </translation>
    </message>
    <message>
        <source>What-if: %1</source>
        <translation>Was-wäre-wenn: %1</translation>
    </message>
    <message>
        <source>What-if: not run on this draft.</source>
        <translation>Was-wäre-wenn: für diesen Entwurf nicht ausgeführt.</translation>
    </message>
    <message>
        <source>&amp;Sign and publish</source>
        <translation>&amp;Signieren und veröffentlichen</translation>
    </message>
    <message>
        <source>Publish as a &amp;shadow: evaluated beside the active version on every live decision, never enforced; each decision it would make otherwise is recorded</source>
        <translation>Als &amp;Schatten veröffentlichen: bei jeder Live-Entscheidung neben der aktiven Version ausgewertet, nie durchgesetzt; jede abweichende Entscheidung wird festgehalten</translation>
    </message>
    <message>
        <source>%1&apos;s passphrase:</source>
        <translation>Passphrase von %1:</translation>
    </message>
    <message>
        <source>Publishing, signed by %1…</source>
        <translation>Wird veröffentlicht, signiert von %1…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation>Vorschlag %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::PrincipalDialog</name>
    <message>
        <source>Add a person or an agent</source>
        <translation>Person oder Agent hinzufügen</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Change a status</source>
        <translation>Status ändern</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>New key&apos;s &amp;passphrase:</source>
        <translation>&amp;Passphrase des neuen Schlüssels:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>%1&apos;s passphrase:</source>
        <translation>Passphrase von %1:</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>The id is lowercase letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Die Kennung besteht aus Kleinbuchstaben, Ziffern, „.“, „:“, „-“ und „_“.</translation>
    </message>
    <message>
        <source>A status change says why.</source>
        <translation>Eine Statusänderung nennt ihren Grund.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The new key needs a passphrase.</source>
        <translation>Der neue Schlüssel braucht eine Passphrase.</translation>
    </message>
    <message>
        <source>Your passphrase signs the change.</source>
        <translation>Ihre Passphrase signiert die Änderung.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReputationChart</name>
    <message>
        <source>score</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReputationModel</name>
    <message>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>untrusted</source>
        <translation>nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>executed after approval</source>
        <translation>nach Freigabe ausgeführt</translation>
    </message>
    <message>
        <source>executed, allowed by policy</source>
        <translation>ausgeführt, von der Richtlinie erlaubt</translation>
    </message>
    <message>
        <source>executed after an approver&apos;s edit</source>
        <translation>nach Änderung durch Freigebende ausgeführt</translation>
    </message>
    <message>
        <source>could not plan</source>
        <translation>nicht planbar</translation>
    </message>
    <message>
        <source>denied by policy</source>
        <translation>von der Richtlinie verweigert</translation>
    </message>
    <message>
        <source>rejected by an approver</source>
        <translation>von Freigebenden abgelehnt</translation>
    </message>
    <message>
        <source>refused by the parser</source>
        <translation>vom Parser abgewiesen</translation>
    </message>
    <message>
        <source>spoke for another intent</source>
        <translation>sprach für einen anderen Auftrag</translation>
    </message>
    <message>
        <source>outside its intent&apos;s bounds</source>
        <translation>außerhalb der Grenzen seines Auftrags</translation>
    </message>
    <message>
        <source>settlement failed</source>
        <translation>Abwicklung fehlgeschlagen</translation>
    </message>
    <message>
        <source>settlement unknown</source>
        <translation>Abwicklung unbekannt</translation>
    </message>
    <message>
        <source>risk under-claimed</source>
        <translation>Risiko zu niedrig angegeben</translation>
    </message>
    <message>
        <source>settled other than simulated</source>
        <translation>anders abgewickelt als simuliert</translation>
    </message>
    <message numerus="yes">
        <source>Change over its last %n scored outcomes</source>
        <translation>
            <numerusform>Veränderung über sein letztes bewertetes Ergebnis</numerusform>
            <numerusform>Veränderung über seine letzten %n bewerteten Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Last activity (UTC)</source>
        <translation>Zuletzt aktiv (UTC)</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReputationView</name>
    <message>
        <source>Kill switch in People &amp;&amp; agents…</source>
        <translation>Notschalter unter Personen &amp;&amp; Agenten…</translation>
    </message>
    <message>
        <source>All their history</source>
        <translation>Gesamter Verlauf</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Scores over time (select several agents to compare; click an outcome to see its entry):</source>
        <translation>Werte im Zeitverlauf (mehrere Agenten zum Vergleich auswählen; ein Ergebnis anklicken, um seinen Eintrag zu sehen):</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>Select an agent.</source>
        <translation>Wählen Sie einen Agenten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n scored outcome(s), %1 against it</source>
        <translation>
            <numerusform>%n bewertetes Ergebnis, %1 davon gegen ihn</numerusform>
            <numerusform>%n bewertete Ergebnisse, %1 davon gegen ihn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::Session</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in (File &gt; Sign In): read only.</source>
        <translation>Nicht angemeldet (Datei &gt; Anmelden): nur lesen.</translation>
    </message>
    <message>
        <source>Signing as %1.</source>
        <translation>Signiert als %1.</translation>
    </message>
    <message>
        <source>Read only for %1: %2.</source>
        <translation>Nur lesen für %1: %2.</translation>
    </message>
</context>
<context>
    <name>cs::ui::SignInDialog</name>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Who are you in this workspace? Everything you sign in the console is signed with your key, and your role decides what you can do here. Your passphrase is asked each time you sign.</source>
        <translation>Wer sind Sie in diesem Arbeitsbereich? Alles, was Sie in der Konsole signieren, wird mit Ihrem Schlüssel signiert, und Ihre Rolle entscheidet, was Sie hier tun können. Ihre Passphrase wird bei jeder Signatur abgefragt.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Nobody here may sign in: no active approver, risk manager or analyst.</source>
        <translation>Hier kann sich niemand anmelden: keine aktiven Freigebenden, kein Risikomanagement, keine Analysten.</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>Wählen Sie, wer Sie sind.</translation>
    </message>
    <message>
        <source>A risk manager signs verdicts and changes people, agents, the world and the policy.</source>
        <translation>Das Risikomanagement signiert Entscheidungen und ändert Personen, Agenten, die Welt und die Richtlinie.</translation>
    </message>
    <message>
        <source>An approver signs verdicts on the proposals that wait for their group; everything else is read only.</source>
        <translation>Freigebende signieren Entscheidungen zu den Vorschlägen, die auf ihre Gruppe warten; alles andere ist nur lesbar.</translation>
    </message>
    <message>
        <source>An analyst reads everything and signs nothing: every action that signs stays disabled.</source>
        <translation>Analysten lesen alles und signieren nichts: Jede Aktion, die signiert, bleibt deaktiviert.</translation>
    </message>
</context>
<context>
    <name>cs::ui::VerdictDialog</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1&apos;s %2 of %3 to &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>%2 von %1 über %3 an &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Approve %1?</source>
        <translation>%1 freigeben?</translation>
    </message>
    <message>
        <source>Reject %1?</source>
        <translation>%1 ablehnen?</translation>
    </message>
    <message>
        <source>Tighten and approve %1?</source>
        <translation>%1 verschärfen und freigeben?</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>%1 ablehnen</translation>
    </message>
    <message>
        <source>Edit and approve %1</source>
        <translation>%1 bearbeiten und freigeben</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>%1 freigeben</translation>
    </message>
    <message>
        <source>It cannot execute now (%1): an approval that completes the quorum fails it.</source>
        <translation>Jetzt nicht ausführbar (%1): Eine Freigabe, die das Quorum vollständig macht, lässt den Vorschlag scheitern.</translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation>Signiert als:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Gegenstand:</translation>
    </message>
    <message>
        <source>Why (recorded in the audit log)</source>
        <translation>Warum (wird im Audit-Log erfasst)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Lower only; the new version is simulated and decided again</source>
        <translation>Nur niedriger; die neue Version wird erneut simuliert und entschieden</translation>
    </message>
    <message>
        <source>&amp;Amount (%1, lower only):</source>
        <translation>Be&amp;trag (%1, nur niedriger):</translation>
    </message>
    <message>
        <source>&amp;Min out (%1, higher only):</source>
        <translation>&amp;Mindestertrag (%1, nur höher):</translation>
    </message>
    <message>
        <source>Remembered for this session (Ctrl+L forgets it)</source>
        <translation>Für diese Sitzung gemerkt (Strg+L vergisst sie)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Passphrase of %1:</source>
        <translation>&amp;Passphrase von %1:</translation>
    </message>
    <message>
        <source>Re&amp;member it for this session (Ctrl+L forgets it)</source>
        <translation>Für diese Sitzung me&amp;rken (Strg+L vergisst sie)</translation>
    </message>
    <message>
        <source>Check the amount and the destination, then sign with Enter.</source>
        <translation>Prüfen Sie Betrag und Ziel, dann signieren Sie mit Enter.</translation>
    </message>
    <message>
        <source>Check the amount and the destination. Signing is possible in %1 s.</source>
        <translation>Prüfen Sie Betrag und Ziel. Signieren ist in %1 s möglich.</translation>
    </message>
</context>
<context>
    <name>cs::ui::WhatIfPanel</name>
    <message>
        <source>Run what-if</source>
        <translation>Was-wäre-wenn starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Run the draft over the whole history to see which decisions it changes.</source>
        <translation>Lassen Sie den Entwurf über die ganze Historie laufen, um zu sehen, welche Entscheidungen er ändert.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Festgehalten</translation>
    </message>
    <message>
        <source>Under the draft</source>
        <translation>Mit dem Entwurf</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>The what-if was cancelled; nothing changed.</source>
        <translation>Das Was-wäre-wenn wurde abgebrochen; nichts hat sich geändert.</translation>
    </message>
    <message>
        <source>The what-if failed: %1</source>
        <translation>Das Was-wäre-wenn schlug fehl: %1</translation>
    </message>
    <message>
        <source>Re-deciding the whole history under the draft…</source>
        <translation>Die ganze Historie wird mit dem Entwurf neu entschieden…</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 recorded decisions change under the draft. Value allowed: %2 as recorded, %3 under the draft.</source>
        <translation>
            <numerusform>%n von %1 festgehaltenen Entscheidungen ändert sich mit dem Entwurf. Erlaubter Wert: %2 laut Protokoll, %3 mit dem Entwurf.</numerusform>
            <numerusform>%n von %1 festgehaltenen Entscheidungen ändern sich mit dem Entwurf. Erlaubter Wert: %2 laut Protokoll, %3 mit dem Entwurf.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>The first %1 changed proposals are listed.</source>
        <translation>Die ersten %1 geänderten Vorschläge sind aufgeführt.</translation>
    </message>
    <message>
        <source>allowed as recorded</source>
        <translation>erlaubt laut Protokoll</translation>
    </message>
    <message>
        <source>allowed under the draft</source>
        <translation>erlaubt mit dem Entwurf</translation>
    </message>
    <message>
        <source>value allowed per day (%1)</source>
        <translation>erlaubter Wert je Tag (%1)</translation>
    </message>
    <message>
        <source>Double-click a proposal to see it in the approval detail</source>
        <translation>Doppelklick auf einen Vorschlag zeigt ihn in der Freigabe-Detailansicht</translation>
    </message>
</context>
<context>
    <name>cs::ui::WorldView</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add &amp;counterparty…</source>
        <translation>&amp;Gegenpartei hinzufügen…</translation>
    </message>
    <message>
        <source>Set &amp;price…</source>
        <translation>&amp;Preis setzen…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Gegenpartei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>On lists</source>
        <translation>Auf Listen</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Handelsplatz</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Kurswährung</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Gegenparteien</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Handelsplätze</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Welt</translation>
    </message>
    <message>
        <source>The world file was written to %1.</source>
        <translation>Die Weltdatei wurde nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Es wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>World not changed</source>
        <translation>Welt nicht geändert</translation>
    </message>
    <message>
        <source>Nothing was changed:
%1</source>
        <translation>Es wurde nichts geändert:
%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 accounts, %2 counterparties, %3 venues, %4 prices, %5 lists.</source>
        <translation>%1 Konten, %2 Gegenparteien, %3 Handelsplätze, %4 Preise, %5 Listen.</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>Als %1 signieren</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>%1&apos;s passphrase:</source>
        <translation>Passphrase von %1:</translation>
    </message>
    <message>
        <source>Import a world file</source>
        <translation>Weltdatei importieren</translation>
    </message>
    <message>
        <source>World files (*.json)</source>
        <translation>Weltdateien (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be read, or is larger than 16 MiB.</source>
        <translation>%1 ist nicht lesbar oder größer als 16 MiB.</translation>
    </message>
    <message>
        <source>Add what %1 holds that this workspace does not, all or nothing. What is there already must be the same; opening balances are recorded in the signed entry.</source>
        <translation>Übernimmt, was %1 enthält und dieser Arbeitsbereich nicht, ganz oder gar nicht. Was schon vorhanden ist, muss gleich sein; Eröffnungssalden werden im signierten Eintrag festgehalten.</translation>
    </message>
    <message>
        <source>Export the world</source>
        <translation>Welt exportieren</translation>
    </message>
    <message>
        <source>Add a counterparty</source>
        <translation>Gegenpartei hinzufügen</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Add the counterparty %1. Agents can pay it once a rule of the policy allows it.</source>
        <translation>Gegenpartei %1 hinzufügen. Agenten können sie bezahlen, sobald eine Regel der Richtlinie es erlaubt.</translation>
    </message>
    <message>
        <source>Set a price</source>
        <translation>Preis setzen</translation>
    </message>
    <message>
        <source>a decimal, e.g. 3250.5</source>
        <translation>eine Dezimalzahl, z. B. 3250.5</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>&amp;Asset:</translation>
    </message>
    <message>
        <source>In &amp;quote asset:</source>
        <translation>In &amp;Kurswährung:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Preis:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>One %1 is worth %2 %3 from now on; earlier decisions keep the price they were made with.</source>
        <translation>Ein %1 ist ab jetzt %2 %3 wert; frühere Entscheidungen behalten den Preis, mit dem sie getroffen wurden.</translation>
    </message>
    <message>
        <source>only a risk manager changes the world</source>
        <translation>nur das Risikomanagement ändert die Welt</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected item&apos;s name or description, the texts no decision reads</source>
        <translation>Namen oder Beschreibung des ausgewählten Eintrags ändern – Texte, die keine Entscheidung liest</translation>
    </message>
    <message>
        <source>Change the name of %1. No decision reads it; the change is signed and recorded with the name before and after.</source>
        <translation>Den Namen von %1 ändern. Keine Entscheidung liest ihn; die Änderung wird signiert und mit dem Namen davor und danach festgehalten.</translation>
    </message>
    <message>
        <source>Change the description of %1. No decision reads it; the change is signed and recorded with the description before and after.</source>
        <translation>Die Beschreibung von %1 ändern. Keine Entscheidung liest sie; die Änderung wird signiert und mit der Beschreibung davor und danach festgehalten.</translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation>Neuer &amp;Name:</translation>
    </message>
    <message>
        <source>New &amp;description:</source>
        <translation>Neue &amp;Beschreibung:</translation>
    </message>
    <message>
        <source>The accounts, counterparties, venues, prices and lists the engine decides on. A risk manager adds to them — one item, or a whole world file — sets prices and edits names and descriptions; each change is signed and recorded, and an import is all or nothing.</source>
        <translation>Die Konten, Gegenparteien, Handelsplätze, Preise und Listen, auf deren Grundlage die Engine entscheidet. Das Risikomanagement ergänzt sie – einzeln oder mit einer ganzen Weltdatei –, setzt Preise und bearbeitet Namen und Beschreibungen; jede Änderung wird signiert und festgehalten, und ein Import gilt ganz oder gar nicht.</translation>
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
    <message>
        <source>Sign in as this person (an active approver, risk manager or analyst) instead of being asked.</source>
        <translation>Als diese Person anmelden (aktive Freigebende, Risikomanagement oder Analysten), statt gefragt zu werden.</translation>
    </message>
</context>
</TS>
