<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch desk of the Social Security Organization&apos;s online services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database schema version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite version:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationDialog</name>
    <message>
        <source>Activate account at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the originals of these documents against the request, then tick each one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents seen in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantView</name>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request and civil registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>Audit entry %1 expected, entry %2 found: entries were removed, inserted or reordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry %1 has a malformed stored hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry %1 does not match its hash: it, or the entry before it, was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log ends at entry %1, but entry %2 was recorded: entries were removed from the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry %1 differs from the recorded copy: the log was rewritten.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>OpenSSL 3 is required, but %1 was loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SHA-256 self-test failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scrypt self-test failed (is the OpenSSL default provider available?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure random number generator is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export daily report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations by staff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic activations (verification):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest waiting case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest waiting change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per status (all days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations per staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>D&amp;ay:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up this branch — BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this branch: create the first administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Branch code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w the password</source>
        <translation>Sho&amp;w the password</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the staff login and password your branch administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requests by status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MobileChangeDialog</name>
    <message>
        <source>Change mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>09xxxxxxxxx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person proved in person that this number is registered in their name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordResetDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the person to type the new password themselves. Every rule below must be ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionsResetDialog</name>
    <message>
        <source>Reset security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the person to choose three different questions and to type a different answer to each. The answers need not be true, only remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question &amp;1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question &amp;2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question &amp;3:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt — BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the receipt as it will be printed, and print it (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt as a PDF file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the receipt (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Password recovery at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How will the person prove that the account is theirs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 6-digit code goes to the registered mobile; the person reads it from their phone. Valid 20 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security &amp;questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person answers the three security questions they registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When neither works: check the national card and the birth certificate, then the person sets a new password and/or new questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code from the SMS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the person to type the answers to their security questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents checked in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New security q&amp;uestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Refuse the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for the refusal (kept in the history for the supervisor):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Register a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration step 1: national code and mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0012345679</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile number: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>09121234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note that the mobile number entered must belong only to you (the insured person). Otherwise, a visit to the branch is required to activate the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration step 2: identity as on the birth certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity data entered must match the birth certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth certificate number: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth &amp;date: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1365/04/12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People whose national code and birth certificate number are the same must enter the same value in both, and must not enter 0 (zero) as the birth certificate number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration step 3: email, password and security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: if you are registering in a public place (such as an internet café) and you see that the email and password fields are already filled in with values, do not register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling in the starred fields is mandatory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose different questions with different answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First &amp;question: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First ans&amp;wer: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least two characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second answe&amp;r: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hird question: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you forget your password, the security questions are used to create a new one. The answers need not be true; it is enough that you remember the answers you gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration step 4: review and submit the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the information is correct, press &quot;Confirm and send request&quot;; otherwise press &quot;Previous step&quot; and correct the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National &amp;code: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;assword: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repea&amp;t password: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec&amp;ond question: *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thir&amp;d answer: *</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore the branch database — BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the branch database from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up a &amp;new branch database instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>Supervisor review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity mismatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;beside the civil registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct and activate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load from the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this &amp;branch&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the c&amp;entral version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cas&amp;es, oldest first:</source>
        <translation>Cas&amp;es, oldest first:</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National code, mobile, tracking code or name</source>
        <translation>National code, mobile, tracking code or name</translation>
    </message>
    <message>
        <source>&amp;Look up at the central database</source>
        <translation>&amp;Look up at the central database</translation>
    </message>
</context>
<context>
    <name>branch::Cli</name>
    <message>
        <source>The branch database (default: $BRANCHDESK_DB, else the per-user data location).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of messages: fa (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this time (ISO 8601) as the current time (for tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or migrate the database; idempotent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch code (3 to 8 digits) on first use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsert civil-registry reference rows from a UTF-8 CSV; all or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import who owns which mobile line (CSV: national_code,mobile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the database with realistic, deterministic demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many persons (default 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide every submitted request (the central verification step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the SMS outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find applicants by national code, mobile or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this status (e.g. identity_mismatch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many rows (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-person activation after the documents were checked; staff password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents seen: national_card,birth_certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse a request waiting at the branch, with a reason; staff password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the request is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an account&apos;s mobile (ownership confirmed in person); staff password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset a password at the counter: staff password on the first line of standard input, then {&quot;password&quot;, &quot;password_confirm&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the security questions: staff password on the first line of standard input, then {&quot;security_questions&quot;: [...]}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the audit log&apos;s hash chain; exit 1 at the first bad entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a password recovery by SMS code or security questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sms or questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the SMS code or the answers of a recovery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 6-digit code from the SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON file (or -) with [{question_id, answer}].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password of a verified recovery (JSON on standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;branchctl --help&quot; for the list of commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text value (in quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;security_questions&quot; must be a list of {&quot;question_id&quot;, &quot;answer&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;question_id&quot; and &quot;answer&quot; must be text values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--persons takes a whole number from 1 to 10000000, --seed a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input must be one JSON object or an array of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each request must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some requests were refused; see &quot;errors&quot; in the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log was altered: first bad entry %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--method must be sms or questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --code CODE or --answers FILE|-.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the answers as [{&quot;question_id&quot;: &quot;…&quot;, &quot;answer&quot;: &quot;…&quot;}].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give {&quot;password&quot;: &quot;…&quot;, &quot;password_confirm&quot;: &quot;…&quot;} on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>branchctl: BranchDesk&apos;s command-line tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: branchctl [--db PATH] [--lang fa|en] [--now ISO8601] COMMAND [ARGS...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes: 0 done; 1 refused by a rule; 2 usage error; 3 environment error (database, central).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;branchctl COMMAND --help&quot; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: branchctl [global options] %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db needs a path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang needs fa or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--now needs a time in ISO 8601.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang must be fa or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--now must be a time in ISO 8601, e.g. 2026-11-25T09:30:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no option --%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: branchctl %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cryptographic self-test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not valid JSON (the error is near character %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (database: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status must be queued, sending, sent or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout-ms takes a whole number of milliseconds from 1 to 600000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this status: queued, sending, sent or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post the due SMS to the HTTP gateway, with retries and an idempotency key per message; the token is read from $BRANCHDESK_SMS_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many messages in this run (default 500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up on one request after this many milliseconds (default 10000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or migrate the central database (PostgreSQL or SQLite); idempotent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a pgpass file) or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a branch on the central database; on PostgreSQL also its login role branch_CODE, whose password is read from standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push this branch&apos;s queued changes to the central database and pull what changed there; prints the counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--keep must be local or central.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List this branch&apos;s open sync conflicts (both versions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve a sync conflict, keeping this branch&apos;s or the central version; supervisor password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local or central.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) left submitted: the person already has an account in the central database.</source>
        <translation>
            <numerusform>%n request left submitted: the person already has an account in the central database.</numerusform>
            <numerusform>%n requests left submitted: the person already has an account in the central database.</numerusform>
        </translation>
    </message>
    <message>
        <source>Decide every branch&apos;s submitted requests in this central database (as its owner) instead of this branch&apos;s: postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind must be correct, send_back or reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the corrected fields as one JSON object after the password line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor review queue, oldest first: identity-mismatch requests beside the registry&apos;s reference, with any proposal waiting; with --central also this branch&apos;s sync conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose a decision on an identity-mismatch request (another supervisor approves it): supervisor password on the first line of standard input, then for a correction the corrected fields as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct, send_back or reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (required for reject).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve another supervisor&apos;s proposal and apply it; supervisor password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--date must be a Gregorian date, e.g. 2026-11-25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor dashboard&apos;s figures of one day as JSON: requests per status, activations per staff member, the oldest waiting case, the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day (YYYY-MM-DD, local time; default today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load them into this central database (as its owner) instead of this branch&apos;s; the branches pull what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) left submitted: the person already has an account (it arrived by sync).</source>
        <translation>
            <numerusform>%n request left submitted: the person already has an account (it arrived by sync).</numerusform>
            <numerusform>%n requests left submitted: the person already has an account (it arrived by sync).</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the version and exit (needs no database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also create demo staff (a clerk, two supervisors, an administrator) with passwords made for this database, printed once in &quot;staff&quot;; only on a database without staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: the backup is on the same disk as the database. It protects against a deleted or damaged file, not against a dead disk: set backup/folder or use --to with a USB stick or a network share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 actions were done after this backup was taken; they are listed in &quot;after_backup&quot;. What had reached the central database comes back with the next sync; the rest is only in the database kept aside (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checked online backup of the branch database into the backup folder (private files; older ones pruned); staff password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder (default: the setting backup/folder, else &apos;backups&apos; beside the database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backups in the backup folder, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a checked backup in place of the branch database, keeping the current one aside; an administrator&apos;s password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What has not left the branch: changes waiting to be sent, the oldest, the last sync and the last backup, as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the database: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: branchctl [--db PATH] [--lang fa|en] COMMAND [ARGS...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s URL: https://, or http:// to this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one applicant: status, requests, history, SMS (the read is audited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --staff LOGIN, the staff password being the first line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your staff login; your password is the first line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a staff account (an administrator signs in); the new password is the next line of standard input. The first account of a branch must be its administrator and needs no sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clerk, supervisor, admin or service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: anyone with the database file (it reads and changes no person&apos;s data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: the central database&apos;s owner, through the URL&apos;s credentials; nobody signs in to the branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: a clerk or a supervisor, signed in with --staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: a supervisor, signed in with --staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: a clerk, a supervisor or an administrator, signed in with --staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: an administrator, signed in with --staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: an administrator, signed in with --staff; nobody while the database has no staff account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may run it: a service login, signed in with --staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit registration requests (one JSON object or an array) for people at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database to bring the person from (default: the setting sync/centralUrl): postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation>The central database to bring the person from (default: the setting sync/centralUrl): postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</translation>
    </message>
    <message>
        <source>Where a complete national code or mobile that matches nobody here is looked up (default: the setting sync/centralUrl; none: this branch only).</source>
        <translation>Where a complete national code or mobile that matches nobody here is looked up (default: the setting sync/centralUrl; none: this branch only).</translation>
    </message>
    <message>
        <source>Brought from the central database: %1.</source>
        <translation>Brought from the central database: %1.</translation>
    </message>
    <message>
        <source>Bring a person held at another branch here from the central database (audited there: this branch, your login, the time).</source>
        <translation>Bring a person held at another branch here from the central database (audited there: this branch, your login, the time).</translation>
    </message>
    <message>
        <source>&quot;applicants fetch&quot; needs --central URL or the setting sync/centralUrl.</source>
        <translation>&quot;applicants fetch&quot; needs --central URL or the setting sync/centralUrl.</translation>
    </message>
    <message>
        <source>Head office&apos;s view: one row per branch with its last sync, open conflicts, audit-chain state, persons fetched in the last day and silence.</source>
        <translation>Head office&apos;s view: one row per branch with its last sync, open conflicts, audit-chain state, persons fetched in the last day and silence.</translation>
    </message>
    <message>
        <source>Check the central database&apos;s copy of a branch&apos;s audit chain (each desk&apos;s).</source>
        <translation>Check the central database&apos;s copy of a branch&apos;s audit chain (each desk&apos;s).</translation>
    </message>
    <message>
        <source>The branch whose chain is checked.</source>
        <translation>The branch whose chain is checked.</translation>
    </message>
    <message>
        <source>Chain %1: %2</source>
        <translation>Chain %1: %2</translation>
    </message>
</context>
<context>
    <name>branch::Desk</name>
    <message>
        <source>BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::Language</name>
    <message>
        <source>en</source>
        <extracomment>The ISO 639-1 code of the language of this translation (fa for Persian).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::Rules</name>
    <message>
        <source>The birth date is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the birth date as year/month/day in the Jalali calendar, like 1365/04/12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date does not exist in the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date cannot be before 1280/01/01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mobile number may contain only digits, like 09121234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mobile number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a landline number; a mobile number starting with 09 is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 09, like 09121234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces, hyphens and apostrophes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name may be at most 60 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth certificate number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth certificate number must be 1 to 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not enter 0 as the birth certificate number; if it is the same as your national code, enter your national code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gender is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gender must be male (M) or female (F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is not valid, e.g. name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The national code is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The national code must be exactly 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The national code cannot be one digit repeated ten times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The national code is not valid: its check digit does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Latin letters, digits and &amp; % $ # ! are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must start with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must contain at least one upper-case letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must contain at least one lower-case letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must contain at least one digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must be at least 8 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not contain your first name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not contain your last name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not contain your national code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password and its repetition must match exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose exactly three security questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the security questions from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose different security questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each answer must be at least two characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a different answer to each question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This national code has not been issued: its fourth to ninth digits are all zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff password must be at least 12 characters long; a few words in a row make a good one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must be hard to guess: no common words, names, dates or patterns such as 1234 or qwerty on their own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::Services</name>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quoted field is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header must be exactly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database belongs to branch %1; it cannot become branch %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A branch code is 3 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 columns, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This national code appears twice in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has no active account yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration request was found for this national code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is already the account&apos;s mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An active account already exists for this national code. Use password recovery instead of registering again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown document &quot;%1&quot;; the documents are national_card and birth_certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and tick every required document before activating (missing: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person&apos;s account is already active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request is not waiting for activation at a branch (its status: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason for the refusal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request cannot be refused in its status (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active account was found for this username (national code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password recovery with this id was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recovery was already used to set a new password. Start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong tries: this recovery is locked. Start a new recovery, or recover the password at the nearest branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery method must be sms or questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mobile number was found for this username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No security questions are registered for this username, so recovery by security questions is not possible. Use the SMS code or visit the nearest branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recovery uses security questions, not an SMS code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired (it is valid for 20 minutes after it was made). Request a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recovery uses an SMS code, not security questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers to the security questions are wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the SMS code or the security answers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file does not exist. Create it with &quot;branchctl init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a BranchDesk database (or it was never initialised). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is locked by another program. Try again in a moment; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written (read-only file or folder). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged or is not a database. Nothing was changed; restore it from a backup or sync it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of BranchDesk. Update this program; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change conflicts with data already stored. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff login is 3 to 32 characters: lower-case Latin letters, digits, dot, dash or underscore, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff member with this login already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff login or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer recovery was started for this username; use the newest code or questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many password recoveries were started for this username. Try again in an hour, or recover the password at the nearest branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff login is locked after too many wrong passwords. Minutes until it opens again: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff login no longer exists or is disabled; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database cannot be reached (server down, wrong address or no network). Nothing was changed; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database refused the user name or password. Check the password in PGPASSWORD or the pgpass file; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put a password in the central database URL (every user of the computer can see a command line). Use the PGPASSWORD environment variable or a pgpass file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database URL needs a user name: postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database URL needs a host: postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port of the central database URL must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database URL needs a database name: postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SQLite central database needs an absolute path: sqlite:///ABSOLUTE/PATH.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database URL must look like postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database does not exist. Create it first (PostgreSQL: createdb; then &quot;branchctl central init&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a BranchDesk central database at the current version. Run &quot;branchctl central init&quot; (it never writes into someone else&apos;s database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database was written by a newer version of BranchDesk. Update this program; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch&apos;s database password must have at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token for the SMS gateway: set the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway refused the token (HTTP %1). Check %2; the messages stay queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached; every message stays queued and will be sent by a later run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open conflict of this branch with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central verification runs as the owner of the central database, not as a branch&apos;s user. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct from the documents and activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send back to register again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be corrected here; the fields are first_name, last_name, birth_cert_no, birth_date and gender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text value (in quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason for the rejection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The civil registry has no entry for this national code, so the request cannot be activated by a correction. Send it back or reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corrected data still does not match the civil registry (different: %1). Check the documents again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request is not waiting for a supervisor&apos;s review (its status: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person has registered again since; the newer request is the one to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no review proposal with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This proposal was already approved by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This proposal was replaced by a newer one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You made this proposal: another supervisor must approve it (four eyes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was decided otherwise since this proposal was made; nothing was changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request changed since this proposal was made; make a new proposal. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and tick every required document before the recovery at the branch (missing: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to renew: a new password, new security questions, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central reference data is loaded by the owner of the central database, not by a branch&apos;s user. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the branch code (3 to 8 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This branch already has staff accounts; its first administrator exists. Sign in instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first account of a branch must be its administrator (--role admin); add clerks and supervisors after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program no longer holds the branch database it opened (the file was moved, replaced or deleted, or another program disturbed it). Nothing was changed: close BranchDesk and start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no branch code yet (run init): there is nothing to back up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created or written. Check that the disk or share is connected, or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another backup of this branch into this folder is running. Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of the database did not pass its check, so it was not kept. The database itself is unchanged; try again, and call IT support if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup to restore is the database itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a sound BranchDesk backup (it is damaged or not a branch database). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup was written by a newer BranchDesk. Install that version first. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup belongs to branch %1, and this database to branch %2. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s audit log does not verify (entry %1): it was altered, so it is not restored. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BranchDesk or another program has this database open. Close it on this PC and try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the branch database is full, so this action could not be saved. Nothing was changed. Free some space on the disk (or ask IT support to) and do the action again; BranchDesk keeps running meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the branch database reported an error (it may be failing or have become read-only), so this action could not be saved. Nothing was changed. Call IT support; BranchDesk keeps running, and the action can be done again once the disk works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 10 minutes have passed since the code or the answers were verified. Start a new recovery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong codes or answers were given for this username, so the password can no longer be recovered online. Recover it at a branch, with the identity documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database server does not offer an encrypted (TLS) connection, so BranchDesk did not connect. Nothing was changed; ask the head office&apos;s IT staff to turn on TLS on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no CA certificate to check the central database server with. Set the file in PGSSLROOTCERT or in the setting sync/caFile; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database server&apos;s certificate is not signed by the trusted CA (or it has expired): this may not be the organisation&apos;s server. BranchDesk did not connect and nothing was changed; call the head office&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database server&apos;s certificate is for another host name than the one in the URL: this may not be the organisation&apos;s server. BranchDesk did not connect and nothing was changed; check the URL&apos;s host name or call the head office&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS could not be sent (no SMS gateway is set up, or it did not answer). Continue with the security questions or the identity documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code (hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s address must be an https:// URL (plain http:// only to this computer: localhost, 127.0.0.1 or ::1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has staff accounts: demo data goes only into a database without any (a demo or training database), never into a branch&apos;s real work. Start from a new database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role must be clerk, supervisor, admin or service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service login runs the machine jobs (sync, SMS sending, verification) and cannot sign in to the desk. Sign in with your own login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not held at this branch, and the central database cannot be reached to bring them here. Try again when the connection is back.</source>
        <translation>This person is not held at this branch, and the central database cannot be reached to bring them here. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>No applicant has this mobile number, here or at the central database.</source>
        <translation>No applicant has this mobile number, here or at the central database.</translation>
    </message>
    <message>
        <source>No applicant has this national code, here or at the central database.</source>
        <translation>No applicant has this national code, here or at the central database.</translation>
    </message>
    <message>
        <source>Only a complete national code or mobile number is looked up at the central database.</source>
        <translation>Only a complete national code or mobile number is looked up at the central database.</translation>
    </message>
    <message>
        <source>The central database refused this change: a branch changes only the people it holds, and only as its counter actions do (the server checks every row). Nothing was changed; if this repeats, call the head office&apos;s IT staff.</source>
        <translation>The central database refused this change: a branch changes only the people it holds, and only as its counter actions do (the server checks every row). Nothing was changed; if this repeats, call the head office&apos;s IT staff.</translation>
    </message>
    <message>
        <source>The central database knows no branch %1.</source>
        <translation>The central database knows no branch %1.</translation>
    </message>
    <message>
        <source>Entry %1 is another branch&apos;s.</source>
        <translation>Entry %1 is another branch&apos;s.</translation>
    </message>
    <message>
        <source>The audit log of this desk does not continue the copy the central database holds: %1 It was edited, cut short or replaced; nothing was sent, and head office has been told.</source>
        <translation>The audit log of this desk does not continue the copy the central database holds: %1 It was edited, cut short or replaced; nothing was sent, and head office has been told.</translation>
    </message>
</context>
<context>
    <name>branch::Status</name>
    <message>
        <source>Pending verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation at a branch required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded by a newer request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::AboutDialog</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (demo database)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::ActivationDialog</name>
    <message>
        <source>National card (the original, photo and national code checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth certificate (the original, names, number and date checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate the online account of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::ApplicantSearchModel</name>
    <message>
        <source>National code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::ApplicantView</name>
    <message>
        <source>Request submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to the branch for activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity does not match the civil registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by a newer request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security questions reset at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password recovery started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong recovery code or answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery locked after wrong tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery replaced by a newer one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the search (Esc, Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civil registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth certificate no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request differs from the civil registry in this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The civil registry has no person with this national code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted fields differ from the civil registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request matches the civil registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;mobile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset security &amp;questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS delivered to the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS to be sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS could not be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered at the branch after a document check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reco&amp;ver password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ctivate account…</source>
        <translation>A&amp;ctivate account…</translation>
    </message>
    <message>
        <source>Online recovery refused: too many wrong tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code not sent: the SMS gateway did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision proposed for a second supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed decision approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched from the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync conflict resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::CounterDialog</name>
    <message>
        <source>%1 %2 — national code %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::DashboardPage</name>
    <message>
        <source>Dashboard of branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations per staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export daily report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (since %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set up (this desk works offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations per staff member on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no figures to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the daily report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily report was saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::DashboardReport</name>
    <message>
        <source>%1, %2</source>
        <extracomment>In the daily report: %1 is the Jalali date, %2 the time (hh:mm).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>A waiting time: %1 days and %2 hours.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A waiting time: %1 hours and %2 minutes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>A waiting time in minutes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BranchDesk daily report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name was given for the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved: %1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved as %1: the folder %2 cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved as %1: the file could not be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved as %1: the PDF could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social Security Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily report of branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations by staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic activations (verification)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest waiting case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, since %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations per staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activation by staff on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per status (all days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest waiting change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::FirstRunDialog</name>
    <message>
        <source>This branch database has no staff account yet, so nobody can sign in. Create the branch&apos;s first administrator; the administrator then adds the clerks and supervisors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no branch database on this computer yet. Enter this branch&apos;s code and create its first administrator: the database is created at the path below, then you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set up the branch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::LoginDialog</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session locked — BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit BranchDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can unlock this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (demo database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is locked (the desk was idle, or Lock now was chosen). Only %1 can unlock it: enter the password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::MainWindow</name>
    <message>
        <source>BranchDesk — branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — changes waiting to sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk works on its own database; changes are sent to the central database when sync runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time BranchDesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… — changes waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online — last sync %1 — changes waiting: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — changes waiting to sync: %1 — last sync: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncs with the central database every few minutes; F9 syncs now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register a person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS could not be sent now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS are sent from this desk as soon as they are queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS are sent by the branch&apos;s scheduled delivery (branchctl sms send).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About BranchDesk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes made at this desk have not reached the central database; the oldest is from %2, more than %3 hours ago. They are safe in this desk&apos;s database and its backups, but no other branch sees them yet. Tell the branch&apos;s IT support that this desk cannot sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backups are on the same disk as the database: they protect against a deleted or damaged file, not against a dead disk. Ask IT support to set a backup folder on a USB stick or a network share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the changes not sent yet before closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when BranchDesk starts again. Restart now? Open forms are closed first; nothing that was saved is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync refused: this desk&apos;s audit log does not continue the central database&apos;s copy — head office has been told — changes waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::MobileChangeDialog</name>
    <message>
        <source>This is already the account&apos;s mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the mobile number of %1 to %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change mobile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::PasswordResetDialog</name>
    <message>
        <source>Reset the password of %1 %2 (national code %3)? The old password stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::PasswordRulesChecklist</name>
    <message>
        <source>Password rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not met</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::QuestionsResetDialog</name>
    <message>
        <source>Replace the security questions of %1 %2 (national code %3)? The old answers stop working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset security questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::Receipt</name>
    <message>
        <source>Account activated at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration request refused at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number changed at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security questions reset at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>On the receipt: %1 is the date, %2 the time (hh:mm).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social Security Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BranchDesk receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name was given for the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: the folder %2 cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: the PDF could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: the file could not be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password recovered at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account recovered at the branch after a document check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration request submitted at the branch</source>
        <translation>Registration request submitted at the branch</translation>
    </message>
    <message>
        <source>Tracking code</source>
        <translation>Tracking code</translation>
    </message>
</context>
<context>
    <name>branch::ui::ReceiptDialog</name>
    <message>
        <source>Print preview — receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::RecoveryDialog</name>
    <message>
        <source>Tries left: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither the SMS code nor the questions: check the originals of the documents below and tick them. Then the person types a new password, chooses new security questions, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recover at the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is right. Ask the person to type the new password themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers are right. Ask the person to type the new password themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password, new security questions, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password and security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity proved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SMS code sent to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answers to the security questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the account of %1 after the document check? What is renewed takes effect at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SMS gateway is set up at this desk, so no code can be sent. Use the security questions or the identity documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the code to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SMS with a 6-digit code was sent to %1. Ask the person to read the code from their phone; it is valid until %2 (20 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::RefusalDialog</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse the request of %1? The person will have to register again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::RegistrationWizard</name>
    <message>
        <source>&amp;Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm and send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password conditions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person already has an active account: use password recovery or a reset at the counter instead of registering again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request was registered successfully, and the result of the steps taken will be sent by SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First security question (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second security question (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third security question (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what was typed for this person? Nothing has been stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking code: %1
The result of the check is sent by SMS to %2.</source>
        <translation>Tracking code: %1
The result of the check is sent by SMS to %2.</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <source>Sent by SMS to %1</source>
        <translation>Sent by SMS to %1</translation>
    </message>
</context>
<context>
    <name>branch::ui::RestoreDialog</name>
    <message>
        <source>There is no branch database at %1, but backups of this desk&apos;s database were found. Restore the newest one unless you know another is right; an administrator signs in to do it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch database at %1 is damaged and cannot be opened. Restore a backup: the damaged file is kept aside, not deleted. An administrator signs in to do it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — branch %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator&apos;s login and password are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is in place. %1 actions done after it are not in it; what had reached the central database comes back with the next sync, the rest is only in the file kept aside (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::ReviewProposalDialog</name>
    <message>
        <source>%1 %2 — national code %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the identity data as it stands on the documents you saw. After another supervisor approves, the request is corrected and the account activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth &amp;certificate number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth &amp;date (Jalali):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request ends and the person is told by SMS to register again. A note for the approving supervisor is optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request ends without activation. Write the reason; it stays in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose &quot;%1&quot; for %2 %3? Another supervisor must approve it before anything changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::ReviewQueuePage</name>
    <message>
        <source>National code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In queue since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civil registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No central database is set up for this desk, so there are no sync conflicts to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes of this branch that the central database could not merge by its rules. Load them (this asks the central database), compare both versions, keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor review queue — %1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is waiting for a review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — national code %3 — mobile %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same for the verification: only letter forms or spacing differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ same (letter forms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The civil registry has no entry for this national code: the request cannot be activated by a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proposal yet. Propose a decision; another supervisor approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no proposal to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed by %1 on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You made this proposal: another supervisor must approve it (four eyes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply this proposal (it is audited in your name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal stored; it waits for another supervisor&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve &quot;%1&quot; for %2 %3, proposed by %4? It is applied at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: the request of %1 is now &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open sync conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open conflicts, oldest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this branch&apos;s version? Your password to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the central version? Your password to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict resolved; the decision was pulled to this branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 becomes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the central database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::SaveFileDialog</name>
    <message>
        <source>%1 is the branch database (or one of its files) and cannot be replaced. Choose another name or folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>branch::ui::SearchPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 results are shown; type more to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applicant found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s)</source>
        <translation>
            <numerusform>%Ln result</numerusform>
            <numerusform>%Ln results</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for this person at the central database…</source>
        <translation>Looking for this person at the central database…</translation>
    </message>
    <message>
        <source>Nobody held at this branch has this national code or mobile number. Press Enter to look for them at the central database.</source>
        <translation>Nobody held at this branch has this national code or mobile number. Press Enter to look for them at the central database.</translation>
    </message>
    <message>
        <source>Type a national code, a mobile number, a tracking code or a name.</source>
        <translation>Type a national code, a mobile number, a tracking code or a name.</translation>
    </message>
</context>
</TS>
