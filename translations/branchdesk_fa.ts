<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BranchDesk</source>
        <translation>دربارهٔ BranchDesk</translation>
    </message>
    <message>
        <source>The branch desk of the Social Security Organization&apos;s online services.</source>
        <translation>میز کار شعبه برای خدمات برخط سازمان تأمین اجتماعی.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>نسخه:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>شعبه:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <source>Database schema version:</source>
        <translation>نسخهٔ ساختار پایگاه داده:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>نسخهٔ Qt:</translation>
    </message>
    <message>
        <source>SQLite version:</source>
        <translation>نسخهٔ SQLite:</translation>
    </message>
</context>
<context>
    <name>ActivationDialog</name>
    <message>
        <source>Activate account at the branch</source>
        <translation>فعال‌سازی حساب در شعبه</translation>
    </message>
    <message>
        <source>Check the originals of these documents against the request, then tick each one:</source>
        <translation>اصل این مدارک را با درخواست مقایسه کنید و سپس هر یک را تیک بزنید:</translation>
    </message>
    <message>
        <source>Documents seen in person</source>
        <translation>مدارکی که حضوری دیده شد</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>فعال‌سازی</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>ApplicantView</name>
    <message>
        <source>Applicant</source>
        <translation>متقاضی</translation>
    </message>
    <message>
        <source>National code:</source>
        <translation>کد ملی:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>شمارهٔ همراه:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>رایانامه:</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>زمان ثبت:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>حساب کاربری:</translation>
    </message>
    <message>
        <source>Request and civil registry</source>
        <translation>درخواست و ثبت احوال</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>SMS sent</source>
        <translation>پیامک‌های ارسالی</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>بازگشت به جست‌وجو</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>Audit entry %1 expected, entry %2 found: entries were removed, inserted or reordered.</source>
        <translation>ردیف %1 گزارش ممیزی انتظار می‌رفت، اما ردیف %2 یافت شد: ردیف‌هایی حذف، افزوده یا جابه‌جا شده‌اند.</translation>
    </message>
    <message>
        <source>Audit entry %1 has a malformed stored hash.</source>
        <translation>چکیدهٔ ذخیره‌شدهٔ ردیف %1 گزارش ممیزی نامعتبر است.</translation>
    </message>
    <message>
        <source>Audit entry %1 does not match its hash: it, or the entry before it, was altered.</source>
        <translation>ردیف %1 گزارش ممیزی با چکیدهٔ خود مطابقت ندارد: این ردیف یا ردیف پیش از آن تغییر کرده است.</translation>
    </message>
    <message>
        <source>The audit log ends at entry %1, but entry %2 was recorded: entries were removed from the end.</source>
        <translation>گزارش ممیزی در ردیف %1 پایان می‌یابد، اما ردیف %2 ثبت شده بود: ردیف‌هایی از انتهای آن حذف شده‌اند.</translation>
    </message>
    <message>
        <source>Audit entry %1 differs from the recorded copy: the log was rewritten.</source>
        <translation>ردیف %1 گزارش ممیزی با نسخهٔ ثبت‌شده متفاوت است: گزارش بازنویسی شده است.</translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>OpenSSL 3 is required, but %1 was loaded.</source>
        <translation>به OpenSSL نسخهٔ ۳ نیاز است، اما %1 بارگذاری شد.</translation>
    </message>
    <message>
        <source>The SHA-256 self-test failed.</source>
        <translation>خودآزمایی SHA-256 ناموفق بود.</translation>
    </message>
    <message>
        <source>The scrypt self-test failed (is the OpenSSL default provider available?).</source>
        <translation>خودآزمایی scrypt ناموفق بود (آیا ارائه‌دهندهٔ پیش‌فرض OpenSSL در دسترس است؟).</translation>
    </message>
    <message>
        <source>The secure random number generator is not available.</source>
        <translation>مولد امن اعداد تصادفی در دسترس نیست.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>&amp;Export daily report…</source>
        <translation>خروجی گزار&amp;ش روزانه…</translation>
    </message>
    <message>
        <source>&amp;Back to search</source>
        <translation>با&amp;زگشت به جست‌وجو</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>کارکرد روز</translation>
    </message>
    <message>
        <source>Activations by staff:</source>
        <translation>فعال‌سازی‌های کارکنان:</translation>
    </message>
    <message>
        <source>Automatic activations (verification):</source>
        <translation>فعال‌سازی‌های خودکار (احراز هویت):</translation>
    </message>
    <message>
        <source>Waiting requests:</source>
        <translation>درخواست‌های در انتظار:</translation>
    </message>
    <message>
        <source>Oldest waiting case:</source>
        <translation>قدیمی‌ترین پروندهٔ در انتظار:</translation>
    </message>
    <message>
        <source>Sync with the central database</source>
        <translation>همگام‌سازی با پایگاه دادهٔ مرکزی</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation>تغییرات در انتظار ارسال:</translation>
    </message>
    <message>
        <source>Oldest waiting change:</source>
        <translation>قدیمی‌ترین تغییر در انتظار:</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>آخرین همگام‌سازی موفق:</translation>
    </message>
    <message>
        <source>Requests per status (all days)</source>
        <translation>درخواست‌ها به تفکیک وضعیت (همهٔ روزها)</translation>
    </message>
    <message>
        <source>Requests per status</source>
        <translation>درخواست‌ها به تفکیک وضعیت</translation>
    </message>
    <message>
        <source>Activations per staff member</source>
        <translation>فعال‌سازی‌ها به تفکیک کارمند</translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>ر&amp;وز:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up this branch — BranchDesk</source>
        <translation>راه‌اندازی این شعبه — BranchDesk</translation>
    </message>
    <message>
        <source>Set up this branch: create the first administrator</source>
        <translation>راه‌اندازی این شعبه: ساختن نخستین مدیر سیستم</translation>
    </message>
    <message>
        <source>&amp;Branch code:</source>
        <translation>کد شعبه:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;login:</source>
        <translation>نا&amp;م کاربری مدیر سیستم:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذ&amp;رواژه:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>تکرار گذر&amp;واژه:</translation>
    </message>
    <message>
        <source>&amp;Create the administrator</source>
        <translation>ساختن مدیر سیستم</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خرو&amp;ج</translation>
    </message>
    <message>
        <source>Sho&amp;w the password</source>
        <translation>نمایش گذروا&amp;ژه</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — BranchDesk</source>
        <translation>ورود — BranchDesk</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Sign in with the staff login and password your branch administrator gave you.</source>
        <translation>با نام کاربری و گذرواژه‌ای که مدیر شعبه به شما داده است وارد شوید.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>نا&amp;م کاربری:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذ&amp;رواژه:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>شعبه:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requests by status</source>
        <translation>درخواست‌ها بر اساس وضعیت</translation>
    </message>
</context>
<context>
    <name>MobileChangeDialog</name>
    <message>
        <source>Change mobile number</source>
        <translation>تغییر شماره همراه</translation>
    </message>
    <message>
        <source>Current mobile:</source>
        <translation>شماره همراه فعلی:</translation>
    </message>
    <message>
        <source>&amp;New mobile:</source>
        <translation>شما&amp;ره همراه جدید:</translation>
    </message>
    <message>
        <source>09xxxxxxxxx</source>
        <translation>۰۹xxxxxxxxx</translation>
    </message>
    <message>
        <source>The person proved in person that this number is registered in their name</source>
        <translation>متقاضی حضوری نشان داد که این شماره به نام خود اوست</translation>
    </message>
    <message>
        <source>Change mobile</source>
        <translation>تغییر شماره همراه</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>PasswordResetDialog</name>
    <message>
        <source>Reset password</source>
        <translation>بازنشانی گذرواژه</translation>
    </message>
    <message>
        <source>Ask the person to type the new password themselves. Every rule below must be ticked.</source>
        <translation>از مراجعه‌کننده بخواهید گذرواژهٔ جدید را خودش وارد کند. همهٔ قواعد زیر باید تیک بخورند.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>گذ&amp;رواژهٔ جدید:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>تکرار گذر&amp;واژه:</translation>
    </message>
    <message>
        <source>&amp;Show the password</source>
        <translation>نمایش گذروا&amp;ژه</translation>
    </message>
    <message>
        <source>Reset &amp;password</source>
        <translation>با&amp;زنشانی گذرواژه</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>QuestionsResetDialog</name>
    <message>
        <source>Reset security questions</source>
        <translation>بازنشانی پرسش‌های امنیتی</translation>
    </message>
    <message>
        <source>Ask the person to choose three different questions and to type a different answer to each. The answers need not be true, only remembered.</source>
        <translation>از مراجعه‌کننده بخواهید سه پرسش متفاوت انتخاب کند و به هر یک پاسخ متفاوتی بدهد. پاسخ‌ها لازم نیست درست باشند، فقط باید به خاطر سپرده شوند.</translation>
    </message>
    <message>
        <source>Question &amp;1:</source>
        <translation>پرسش امنیتی &amp;۱:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>پاسخ:</translation>
    </message>
    <message>
        <source>Question &amp;2:</source>
        <translation>پرسش امنیتی &amp;۲:</translation>
    </message>
    <message>
        <source>Question &amp;3:</source>
        <translation>پرسش امنیتی &amp;۳:</translation>
    </message>
    <message>
        <source>&amp;Reset security questions</source>
        <translation>با&amp;زنشانی پرسش‌های امنیتی</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt — BranchDesk</source>
        <translation>رسید — BranchDesk</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>پیش‌نمایش چاپ…</translation>
    </message>
    <message>
        <source>Show the receipt as it will be printed, and print it (Ctrl+P)</source>
        <translation>نمایش رسید همان‌گونه که چاپ می‌شود و چاپ آن (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>ذخیره به‌صورت PDF…</translation>
    </message>
    <message>
        <source>Save the receipt as a PDF file (Ctrl+S)</source>
        <translation>ذخیرهٔ رسید در یک فایل PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Close the receipt (Esc)</source>
        <translation>بستن رسید (Esc)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Password recovery at the branch</source>
        <translation>بازیابی گذرواژه در شعبه</translation>
    </message>
    <message>
        <source>How will the person prove that the account is theirs?</source>
        <translation>متقاضی با کدام روش نشان می‌دهد که حساب از آنِ خودش است؟</translation>
    </message>
    <message>
        <source>&amp;SMS code</source>
        <translation>شناسه پیامکی</translation>
    </message>
    <message>
        <source>A 6-digit code goes to the registered mobile; the person reads it from their phone. Valid 20 minutes.</source>
        <translation>یک شناسه ۶ رقمی به تلفن همراه ثبت‌شده فرستاده می‌شود و متقاضی آن را از روی گوشی‌اش می‌خواند. اعتبار: ۲۰ دقیقه.</translation>
    </message>
    <message>
        <source>Security &amp;questions</source>
        <translation>سؤ&amp;ال‌های امنیتی</translation>
    </message>
    <message>
        <source>The person answers the three security questions they registered.</source>
        <translation>متقاضی به سه سؤال امنیتی‌ای که ثبت کرده است پاسخ می‌دهد.</translation>
    </message>
    <message>
        <source>&amp;Document check</source>
        <translation>بر&amp;رسی مدارک</translation>
    </message>
    <message>
        <source>When neither works: check the national card and the birth certificate, then the person sets a new password and/or new questions.</source>
        <translation>وقتی هیچ‌کدام ممکن نیست: کارت ملی و شناسنامه را بررسی کنید؛ سپس متقاضی گذرواژه جدید و/یا سؤال‌های امنیتی جدید تعیین می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Code from the SMS:</source>
        <translation>شناسه پیامک:</translation>
    </message>
    <message>
        <source>&amp;Verify code</source>
        <translation>بر&amp;رسی شناسه</translation>
    </message>
    <message>
        <source>Send a &amp;new code</source>
        <translation>&amp;ارسال شناسه جدید</translation>
    </message>
    <message>
        <source>Ask the person to type the answers to their security questions.</source>
        <translation>از متقاضی بخواهید پاسخ سؤال‌های امنیتی‌اش را خودش وارد کند.</translation>
    </message>
    <message>
        <source>Sho&amp;w the answers</source>
        <translation>نمایش پاسخ‌ها</translation>
    </message>
    <message>
        <source>&amp;Verify answers</source>
        <translation>بر&amp;رسی پاسخ‌ها</translation>
    </message>
    <message>
        <source>Documents checked in person</source>
        <translation>مدارکی که حضوری بررسی شد</translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation>گذ&amp;رواژه جدید:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>تکر&amp;ار گذرواژه:</translation>
    </message>
    <message>
        <source>&amp;Show the password</source>
        <translation>نمایش گذ&amp;رواژه</translation>
    </message>
    <message>
        <source>New security q&amp;uestions</source>
        <translation>سؤ&amp;ال‌های امنیتی جدید</translation>
    </message>
    <message>
        <source>Set the new &amp;password</source>
        <translation>ثبت گذ&amp;رواژه جدید</translation>
    </message>
    <message>
        <source>&amp;Other method</source>
        <translation>&amp;روش دیگر</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>گذ&amp;رواژه جدید</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Refuse the request</source>
        <translation>رد درخواست</translation>
    </message>
    <message>
        <source>&amp;Reason for the refusal (kept in the history for the supervisor):</source>
        <translation>&amp;دلیل رد درخواست (در سابقه برای سرپرست می‌ماند):</translation>
    </message>
    <message>
        <source>Refuse request</source>
        <translation>رد درخواست</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Register a person</source>
        <translation>ثبت نام متقاضی</translation>
    </message>
    <message>
        <source>Registration step 1: national code and mobile number</source>
        <translation>مرحله اول ثبت نام: کد ملی و شماره تلفن همراه</translation>
    </message>
    <message>
        <source>0012345679</source>
        <translation>۰۰۱۲۳۴۵۶۷۹</translation>
    </message>
    <message>
        <source>&amp;Mobile number: *</source>
        <translation>شما&amp;ره تلفن همراه: *</translation>
    </message>
    <message>
        <source>09121234567</source>
        <translation>۰۹۱۲۱۲۳۴۵۶۷</translation>
    </message>
    <message>
        <source>Note that the mobile number entered must belong only to you (the insured person). Otherwise, a visit to the branch is required to activate the account.</source>
        <translation>توجه داشته باشید شماره تلفن همراه وارد شده صرفاً می بایست متعلق به شخص شما (بیمه شده) باشد. در غیر اینصورت جهت فعال سازی کاربری مراجعه به شعبه الزامی می باشد.</translation>
    </message>
    <message>
        <source>Registration step 2: identity as on the birth certificate</source>
        <translation>مرحله دوم ثبت نام: اطلاعات هویتی مطابق شناسنامه</translation>
    </message>
    <message>
        <source>The identity data entered must match the birth certificate.</source>
        <translation>در این مرحله میبایست اطلاعات هویتی وارد شده مطابق با اطلاعات شناسنامه فرد باشد.</translation>
    </message>
    <message>
        <source>&amp;Last name: *</source>
        <translation>نام خانوا&amp;دگی: *</translation>
    </message>
    <message>
        <source>&amp;First name: *</source>
        <translation>نا&amp;م: *</translation>
    </message>
    <message>
        <source>&amp;Birth certificate number: *</source>
        <translation>شمار&amp;ه شناسنامه: *</translation>
    </message>
    <message>
        <source>Birth &amp;date: *</source>
        <translation>تا&amp;ریخ تولد: *</translation>
    </message>
    <message>
        <source>1365/04/12</source>
        <translation>۱۳۶۵/۰۴/۱۲</translation>
    </message>
    <message>
        <source>&amp;Gender: *</source>
        <translation>جنسیت: *</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب کنید…</translation>
    </message>
    <message>
        <source>People whose national code and birth certificate number are the same must enter the same value in both, and must not enter 0 (zero) as the birth certificate number.</source>
        <translation>افرادی که کدملی و شماره شناسنامه یکسانی دارند لازم است هر دو قسمت کدملی و شماره شناسنامه را با مقدار یکسان پر نموده و از وارد نمودن عدد ۰ (صفر) بجای شماره شناسنامه خودداری نمایند.</translation>
    </message>
    <message>
        <source>Registration step 3: email, password and security questions</source>
        <translation>مرحله سوم ثبت نام: اطلاعات ایمیل و گذرواژه و سوالات امنیتی</translation>
    </message>
    <message>
        <source>Note: if you are registering in a public place (such as an internet café) and you see that the email and password fields are already filled in with values, do not register.</source>
        <translation>توجه: در صورتیکه در مکان های عمومی (مانند کافی نت) در حال ثبت نام می باشید و مشاهده نمودید که مقادیر ایمیل و گذرواژه با مقادیر از پیش تعریف شده ای پر شده است. از ثبت نام خودداری نمایید.</translation>
    </message>
    <message>
        <source>Filling in the starred fields is mandatory.</source>
        <translation>پر کردن مقادیر ستاره دار الزامی میباشد.</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;ایمیل:</translation>
    </message>
    <message>
        <source>&amp;Show the password</source>
        <translation>نمایش گذروا&amp;ژه</translation>
    </message>
    <message>
        <source>Security questions</source>
        <translation>پرسش های امنیتی</translation>
    </message>
    <message>
        <source>Choose different questions with different answers</source>
        <translation>انتخاب پرسش های متفاوت همراه با پاسخ های متفاوت</translation>
    </message>
    <message>
        <source>First &amp;question: *</source>
        <translation>پرسش او&amp;ل: *</translation>
    </message>
    <message>
        <source>Choose a question…</source>
        <translation>یک پرسش انتخاب کنید…</translation>
    </message>
    <message>
        <source>First ans&amp;wer: *</source>
        <translation>پاسخ اول: *</translation>
    </message>
    <message>
        <source>At least two characters</source>
        <translation>حداقل دو حرف</translation>
    </message>
    <message>
        <source>Second answe&amp;r: *</source>
        <translation>پاسخ دوم: *</translation>
    </message>
    <message>
        <source>T&amp;hird question: *</source>
        <translation>پرسش سو&amp;م: *</translation>
    </message>
    <message>
        <source>If you forget your password, the security questions are used to create a new one. The answers need not be true; it is enough that you remember the answers you gave.</source>
        <translation>در صورت فراموشی گذرواژه، جهت ایجاد گذرواژه جدید، سوالات امنیتی مورد استفاده قرار خواهند گرفت. نیازی نیست که پاسخ به پرسش های امنیتی حتما مطابق واقعیت باشد، فقط کفایت پاسخی را که داده اید بعدا به یاد بیاورید.</translation>
    </message>
    <message>
        <source>Registration step 4: review and submit the request</source>
        <translation>مرحله چهارم ثبت نام: بازبینی و ثبت درخواست</translation>
    </message>
    <message>
        <source>If the information is correct, press &quot;Confirm and send request&quot;; otherwise press &quot;Previous step&quot; and correct the form.</source>
        <translation>در صورت صحت اطلاعات دکمه «تایید و ارسال درخواست» را فشار دهید در غیر اینصورت دکمه «مرحله قبل» را زده و اطلاعات فرم را اصلاح نمائید.</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>ثبت درخواست</translation>
    </message>
    <message>
        <source>National &amp;code: *</source>
        <translation>کد ملی: *</translation>
    </message>
    <message>
        <source>P&amp;assword: *</source>
        <translation>گذ&amp;رواژه: *</translation>
    </message>
    <message>
        <source>Repea&amp;t password: *</source>
        <translation>تکرار گذر&amp;واژه: *</translation>
    </message>
    <message>
        <source>Sec&amp;ond question: *</source>
        <translation>پرسش &amp;دوم: *</translation>
    </message>
    <message>
        <source>Thir&amp;d answer: *</source>
        <translation>پاسخ سوم: *</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore the branch database — BranchDesk</source>
        <translation>بازگردانی پایگاه دادهٔ شعبه — BranchDesk</translation>
    </message>
    <message>
        <source>Restore the branch database from a backup</source>
        <translation>بازگردانی پایگاه دادهٔ شعبه از یک پشتیبان</translation>
    </message>
    <message>
        <source>&amp;Backups (newest first):</source>
        <translation>پشتیبا&amp;ن‌ها (تازه‌ترین نخست):</translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;login:</source>
        <translation>نا&amp;م کاربری مدیر سامانه:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذ&amp;رواژه:</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>با&amp;زگردانی این پشتیبان</translation>
    </message>
    <message>
        <source>Set up a &amp;new branch database instead</source>
        <translation>به‌جا&amp;ی آن پایگاه دادهٔ تازه‌ای بساز</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خر&amp;وج</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>Supervisor review queue</source>
        <translation>صف بررسی سرپرست</translation>
    </message>
    <message>
        <source>&amp;Identity mismatches</source>
        <translation>مغایر&amp;ت‌های هویتی</translation>
    </message>
    <message>
        <source>Request &amp;beside the civil registry:</source>
        <translation>درخواست در کنار ثبت احوا&amp;ل:</translation>
    </message>
    <message>
        <source>&amp;Correct and activate…</source>
        <translation>اصلا&amp;ح و فعال‌سازی…</translation>
    </message>
    <message>
        <source>&amp;Send back…</source>
        <translation>با&amp;زگرداندن…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>رد کرد&amp;ن…</translation>
    </message>
    <message>
        <source>&amp;Approve proposal</source>
        <translation>تأیید پیشنها&amp;د</translation>
    </message>
    <message>
        <source>S&amp;ync conflicts</source>
        <translation>تعار&amp;ض‌های همگام‌سازی</translation>
    </message>
    <message>
        <source>&amp;Load from the central database</source>
        <translation>خواند&amp;ن از پایگاه مرکزی</translation>
    </message>
    <message>
        <source>Keep this &amp;branch&apos;s version</source>
        <translation>نگه‌&amp;داشتن نسخه این شعبه</translation>
    </message>
    <message>
        <source>Keep the c&amp;entral version</source>
        <translation>نگه‌&amp;داشتن نسخه مرکزی</translation>
    </message>
    <message>
        <source>Cas&amp;es, oldest first:</source>
        <translation>پر&amp;ونده‌ها، قدیمی‌ترین اول:</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>جست‌&amp;وجو:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>وضعیت (&amp;ض):</translation>
    </message>
    <message>
        <source>&amp;Look up at the central database</source>
        <translation>جست‌وجو در پایگاه &amp;داده مرکزی</translation>
    </message>
    <message>
        <source>National code, mobile, tracking code or name</source>
        <translation>کد ملی، شمارهٔ همراه، کد رهگیری یا نام</translation>
    </message>
</context>
<context>
    <name>branch::Cli</name>
    <message>
        <source>The branch database (default: $BRANCHDESK_DB, else the per-user data location).</source>
        <translation>پایگاه دادهٔ شعبه (پیش‌فرض: $BRANCHDESK_DB، وگرنه محل داده‌های کاربر).</translation>
    </message>
    <message>
        <source>Language of messages: fa (default) or en.</source>
        <translation>زبان پیام‌ها: fa (پیش‌فرض) یا en.</translation>
    </message>
    <message>
        <source>Use this time (ISO 8601) as the current time (for tests).</source>
        <translation>این زمان (ISO 8601) به‌عنوان زمان کنونی در نظر گرفته شود (برای آزمون).</translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation>نمایش راهنما.</translation>
    </message>
    <message>
        <source>Create or migrate the database; idempotent.</source>
        <translation>ایجاد پایگاه داده یا به‌روزرسانی ساختار آن؛ اجرای دوباره بی‌خطر است.</translation>
    </message>
    <message>
        <source>The branch code (3 to 8 digits) on first use.</source>
        <translation>کد شعبه (۳ تا ۸ رقم)، در نخستین استفاده.</translation>
    </message>
    <message>
        <source>Upsert civil-registry reference rows from a UTF-8 CSV; all or nothing.</source>
        <translation>افزودن یا به‌روزرسانی ردیف‌های مرجع ثبت احوال از فایل CSV با کدگذاری UTF-8؛ یا همهٔ ردیف‌ها یا هیچ‌کدام.</translation>
    </message>
    <message>
        <source>Import who owns which mobile line (CSV: national_code,mobile).</source>
        <translation>ورود اطلاعات مالکیت خطوط تلفن همراه (CSV: national_code,mobile).</translation>
    </message>
    <message>
        <source>Fill the database with realistic, deterministic demo data.</source>
        <translation>پر کردن پایگاه داده با داده‌های نمایشی واقع‌نما و تکرارپذیر.</translation>
    </message>
    <message>
        <source>How many persons (default 1000).</source>
        <translation>تعداد افراد (پیش‌فرض ۱۰۰۰).</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>مقدار اولیهٔ مولد تصادفی (پیش‌فرض ۱).</translation>
    </message>
    <message>
        <source>Decide every submitted request (the central verification step).</source>
        <translation>تعیین نتیجهٔ همهٔ درخواست‌های ثبت‌شده (مرحلهٔ بررسی مرکزی).</translation>
    </message>
    <message>
        <source>List the SMS outbox.</source>
        <translation>فهرست پیامک‌های صندوق ارسال.</translation>
    </message>
    <message>
        <source>Find applicants by national code, mobile or name.</source>
        <translation>جست‌وجوی متقاضیان بر اساس کد ملی، شماره تلفن همراه یا نام.</translation>
    </message>
    <message>
        <source>Only this status (e.g. identity_mismatch).</source>
        <translation>فقط این وضعیت (مثلاً identity_mismatch).</translation>
    </message>
    <message>
        <source>At most this many rows (default 50).</source>
        <translation>حداکثر تعداد ردیف‌ها (پیش‌فرض ۵۰).</translation>
    </message>
    <message>
        <source>In-person activation after the documents were checked; staff password on standard input.</source>
        <translation>فعال‌سازی حضوری پس از بررسی مدارک؛ گذرواژهٔ کارمند از ورودی استاندارد.</translation>
    </message>
    <message>
        <source>Documents seen: national_card,birth_certificate.</source>
        <translation>مدارک رؤیت‌شده: national_card,birth_certificate.</translation>
    </message>
    <message>
        <source>Refuse a request waiting at the branch, with a reason; staff password on standard input.</source>
        <translation>رد درخواستی که در انتظار مراجعه به شعبه است، همراه با ذکر دلیل؛ گذرواژهٔ کارمند از ورودی استاندارد.</translation>
    </message>
    <message>
        <source>Why the request is refused.</source>
        <translation>دلیل رد درخواست.</translation>
    </message>
    <message>
        <source>Change an account&apos;s mobile (ownership confirmed in person); staff password on standard input.</source>
        <translation>تغییر شماره تلفن همراه حساب کاربری (پس از تأیید حضوری مالکیت خط)؛ گذرواژهٔ کارمند از ورودی استاندارد.</translation>
    </message>
    <message>
        <source>The new mobile number.</source>
        <translation>شماره تلفن همراه جدید.</translation>
    </message>
    <message>
        <source>Reset a password at the counter: staff password on the first line of standard input, then {&quot;password&quot;, &quot;password_confirm&quot;}.</source>
        <translation>بازنشانی گذرواژه در باجه: گذرواژهٔ کارمند در سطر اول ورودی استاندارد و سپس {&quot;password&quot;, &quot;password_confirm&quot;}.</translation>
    </message>
    <message>
        <source>Reset the security questions: staff password on the first line of standard input, then {&quot;security_questions&quot;: [...]}.</source>
        <translation>بازنشانی پرسش‌های امنیتی: گذرواژهٔ کارمند در سطر اول ورودی استاندارد و سپس {&quot;security_questions&quot;: [...]}.</translation>
    </message>
    <message>
        <source>Check the audit log&apos;s hash chain; exit 1 at the first bad entry.</source>
        <translation>بررسی زنجیرهٔ چکیده‌های گزارش ممیزی؛ با رسیدن به نخستین ردیف نادرست، با کد خروج 1 پایان می‌یابد.</translation>
    </message>
    <message>
        <source>Start a password recovery by SMS code or security questions.</source>
        <translation>آغاز بازیابی گذرواژه با کد پیامکی یا پرسش‌های امنیتی.</translation>
    </message>
    <message>
        <source>sms or questions.</source>
        <translation>sms (کد پیامکی) یا questions (پرسش‌های امنیتی).</translation>
    </message>
    <message>
        <source>Check the SMS code or the answers of a recovery.</source>
        <translation>بررسی کد پیامکی یا پاسخ‌های پرسش‌های امنیتی یک بازیابی.</translation>
    </message>
    <message>
        <source>The 6-digit code from the SMS.</source>
        <translation>کد ۶ رقمی دریافت‌شده با پیامک.</translation>
    </message>
    <message>
        <source>A JSON file (or -) with [{question_id, answer}].</source>
        <translation>فایل JSON (یا - برای ورودی استاندارد) شامل [{question_id, answer}].</translation>
    </message>
    <message>
        <source>Set the new password of a verified recovery (JSON on standard input).</source>
        <translation>ثبت گذرواژهٔ جدید برای بازیابی تأییدشده (JSON از ورودی استاندارد).</translation>
    </message>
    <message>
        <source>Run &quot;branchctl --help&quot; for the list of commands.</source>
        <translation>برای دیدن فهرست فرمان‌ها، &quot;branchctl --help&quot; را اجرا کنید.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text value (in quotes).</source>
        <translation>مقدار &quot;%1&quot; باید متنی (داخل گیومه) باشد.</translation>
    </message>
    <message>
        <source>&quot;security_questions&quot; must be a list of {&quot;question_id&quot;, &quot;answer&quot;}.</source>
        <translation>مقدار &quot;security_questions&quot; باید فهرستی از {&quot;question_id&quot;, &quot;answer&quot;} باشد.</translation>
    </message>
    <message>
        <source>&quot;question_id&quot; and &quot;answer&quot; must be text values.</source>
        <translation>مقدار &quot;question_id&quot; و &quot;answer&quot; باید متنی باشد.</translation>
    </message>
    <message>
        <source>Cannot read the file &quot;%1&quot;.</source>
        <translation>خواندن فایل «%1» ممکن نیست.</translation>
    </message>
    <message>
        <source>--persons takes a whole number from 1 to 10000000, --seed a whole number.</source>
        <translation>مقدار --persons باید عدد صحیحی از ۱ تا ۱۰۰۰۰۰۰۰ و مقدار --seed یک عدد صحیح باشد.</translation>
    </message>
    <message>
        <source>demo data: %1%</source>
        <translation>داده‌های نمایشی: %1%</translation>
    </message>
    <message>
        <source>The input must be one JSON object or an array of them.</source>
        <translation>ورودی باید یک شیء JSON یا آرایه‌ای از این اشیا باشد.</translation>
    </message>
    <message>
        <source>Each request must be a JSON object.</source>
        <translation>هر درخواست باید یک شیء JSON باشد.</translation>
    </message>
    <message>
        <source>Some requests were refused; see &quot;errors&quot; in the output.</source>
        <translation>برخی درخواست‌ها پذیرفته نشدند؛ بخش &quot;errors&quot; در خروجی را ببینید.</translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 to 1000.</source>
        <translation>مقدار --limit باید عدد صحیحی از ۱ تا ۱۰۰۰ باشد.</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot;.</source>
        <translation>وضعیت «%1» شناخته‌شده نیست.</translation>
    </message>
    <message>
        <source>The audit log was altered: first bad entry %1 (%2).</source>
        <translation>گزارش ممیزی دست‌کاری شده است: نخستین ردیف نادرست %1 (%2).</translation>
    </message>
    <message>
        <source>--method must be sms or questions.</source>
        <translation>مقدار --method باید sms یا questions باشد.</translation>
    </message>
    <message>
        <source>Give either --code CODE or --answers FILE|-.</source>
        <translation>یکی از دو گزینهٔ --code CODE یا --answers FILE|- را وارد کنید.</translation>
    </message>
    <message>
        <source>Give the answers as [{&quot;question_id&quot;: &quot;…&quot;, &quot;answer&quot;: &quot;…&quot;}].</source>
        <translation>پاسخ‌ها را به صورت [{&quot;question_id&quot;: &quot;…&quot;, &quot;answer&quot;: &quot;…&quot;}] وارد کنید.</translation>
    </message>
    <message>
        <source>Give {&quot;password&quot;: &quot;…&quot;, &quot;password_confirm&quot;: &quot;…&quot;} on standard input.</source>
        <translation>در ورودی استاندارد، {&quot;password&quot;: &quot;…&quot;, &quot;password_confirm&quot;: &quot;…&quot;} را وارد کنید.</translation>
    </message>
    <message>
        <source>branchctl: BranchDesk&apos;s command-line tool.</source>
        <translation>branchctl: ابزار خط فرمان BranchDesk.</translation>
    </message>
    <message>
        <source>Usage: branchctl [--db PATH] [--lang fa|en] [--now ISO8601] COMMAND [ARGS...]</source>
        <translation>روش استفاده: branchctl [--db PATH] [--lang fa|en] [--now ISO8601] COMMAND [ARGS...]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>فرمان‌ها:</translation>
    </message>
    <message>
        <source>Exit codes: 0 done; 1 refused by a rule; 2 usage error; 3 environment error (database, central).</source>
        <translation>کدهای خروج: 0 انجام شد؛ 1 رد به دلیل یک قاعده؛ 2 خطای نحوهٔ استفاده؛ 3 خطای محیط (پایگاه داده، سامانهٔ مرکزی).</translation>
    </message>
    <message>
        <source>Run &quot;branchctl COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>برای دیدن گزینه‌های هر فرمان، &quot;branchctl COMMAND --help&quot; را اجرا کنید.</translation>
    </message>
    <message>
        <source>Usage: branchctl [global options] %1 %2</source>
        <translation>روش استفاده: branchctl [گزینه‌های عمومی] %1 %2</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>گزینه‌ها:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>گزینه‌های عمومی:</translation>
    </message>
    <message>
        <source>--db needs a path.</source>
        <translation>گزینهٔ --db به یک مسیر نیاز دارد.</translation>
    </message>
    <message>
        <source>--lang needs fa or en.</source>
        <translation>گزینهٔ --lang به مقدار fa یا en نیاز دارد.</translation>
    </message>
    <message>
        <source>--now needs a time in ISO 8601.</source>
        <translation>گزینهٔ --now به زمانی در قالب ISO 8601 نیاز دارد.</translation>
    </message>
    <message>
        <source>--lang must be fa or en.</source>
        <translation>مقدار --lang باید fa یا en باشد.</translation>
    </message>
    <message>
        <source>--now must be a time in ISO 8601, e.g. 2026-11-25T09:30:00Z.</source>
        <translation>مقدار --now باید زمانی در قالب ISO 8601 باشد، مانند 2026-11-25T09:30:00Z.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>فرمان «%1» شناخته‌شده نیست.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no option --%2.</source>
        <translation>فرمان «%1» گزینهٔ --%2 ندارد.</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>گزینهٔ --%1 به یک مقدار نیاز دارد.</translation>
    </message>
    <message>
        <source>Usage: branchctl %1 %2</source>
        <translation>روش استفاده: branchctl %1 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --%2.</source>
        <translation>فرمان «%1» به گزینهٔ --%2 نیاز دارد.</translation>
    </message>
    <message>
        <source>The cryptographic self-test failed: %1</source>
        <translation>خودآزمایی رمزنگاری ناموفق بود: %1</translation>
    </message>
    <message>
        <source>The input is not valid JSON (the error is near character %1).</source>
        <translation>ورودی JSON معتبر نیست (خطا نزدیک نویسهٔ %1 است).</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>هیچ فرمانی داده نشده است.</translation>
    </message>
    <message>
        <source>%1 (database: %2)</source>
        <translation>%1 (پایگاه داده: %2)</translation>
    </message>
    <message>
        <source>--status must be queued, sending, sent or failed.</source>
        <translation>مقدار --status باید queued، sending، sent یا failed باشد.</translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 to 100000.</source>
        <translation>مقدار --limit باید عدد صحیحی از ۱ تا ۱۰۰۰۰۰ باشد.</translation>
    </message>
    <message>
        <source>--timeout-ms takes a whole number of milliseconds from 1 to 600000.</source>
        <translation>مقدار --timeout-ms باید عدد صحیحی از ۱ تا ۶۰۰۰۰۰ (میلی‌ثانیه) باشد.</translation>
    </message>
    <message>
        <source>Only this status: queued, sending, sent or failed.</source>
        <translation>فقط این وضعیت: queued، sending، sent یا failed.</translation>
    </message>
    <message>
        <source>Post the due SMS to the HTTP gateway, with retries and an idempotency key per message; the token is read from $BRANCHDESK_SMS_TOKEN.</source>
        <translation>ارسال پیامک‌های نوبت‌رسیده به درگاه HTTP، با تلاش دوباره و یک کلید یکتایی (idempotency key) برای هر پیامک؛ توکن از $BRANCHDESK_SMS_TOKEN خوانده می‌شود.</translation>
    </message>
    <message>
        <source>At most this many messages in this run (default 500).</source>
        <translation>حداکثر تعداد پیامک‌ها در این اجرا (پیش‌فرض ۵۰۰).</translation>
    </message>
    <message>
        <source>Give up on one request after this many milliseconds (default 10000).</source>
        <translation>رها کردن هر درخواست پس از این تعداد میلی‌ثانیه (پیش‌فرض ۱۰۰۰۰).</translation>
    </message>
    <message>
        <source>Create or migrate the central database (PostgreSQL or SQLite); idempotent.</source>
        <translation>پایگاه داده مرکزی (PostgreSQL یا SQLite) را بسازید یا به‌روز کنید؛ اجرای دوباره چیزی را تغییر نمی‌دهد.</translation>
    </message>
    <message>
        <source>postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a pgpass file) or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation>postgresql://USER@HOST:PORT/DBNAME (گذرواژه از PGPASSWORD یا پرونده pgpass) یا sqlite:///ABSOLUTE/PATH.db.</translation>
    </message>
    <message>
        <source>Register a branch on the central database; on PostgreSQL also its login role branch_CODE, whose password is read from standard input.</source>
        <translation>ثبت یک شعبه در پایگاه داده مرکزی؛ در PostgreSQL نقش ورود branch_CODE هم ساخته می‌شود و گذرواژه آن از ورودی استاندارد خوانده می‌شود.</translation>
    </message>
    <message>
        <source>Push this branch&apos;s queued changes to the central database and pull what changed there; prints the counts.</source>
        <translation>تغییرهای در صف این شعبه را به پایگاه داده مرکزی بفرستید و آنچه آنجا تغییر کرده است را بگیرید؛ شمارها چاپ می‌شوند.</translation>
    </message>
    <message>
        <source>--keep must be local or central.</source>
        <translation>مقدار --keep باید local یا central باشد.</translation>
    </message>
    <message>
        <source>List this branch&apos;s open sync conflicts (both versions).</source>
        <translation>فهرست ناسازگاری‌های باز همگام‌سازی این شعبه (هر دو نسخه).</translation>
    </message>
    <message>
        <source>Resolve a sync conflict, keeping this branch&apos;s or the central version; supervisor password on standard input.</source>
        <translation>حل یک ناسازگاری همگام‌سازی با نگه داشتن نسخه این شعبه یا نسخه مرکزی؛ گذرواژه سرپرست از ورودی استاندارد.</translation>
    </message>
    <message>
        <source>local or central.</source>
        <translation>local یا central.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) left submitted: the person already has an account in the central database.</source>
        <translation>
            <numerusform>%n درخواست ثبت‌شده ماند: این شخص در پایگاه داده مرکزی حساب کاربری دارد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Decide every branch&apos;s submitted requests in this central database (as its owner) instead of this branch&apos;s: postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation>تعیین نتیجهٔ درخواست‌های ثبت‌شدهٔ همهٔ شعبه‌ها در این پایگاه داده مرکزی (به‌عنوان مالک آن)، به‌جای درخواست‌های این شعبه: postgresql://USER@HOST:PORT/DBNAME یا sqlite:///ABSOLUTE/PATH.db.</translation>
    </message>
    <message>
        <source>--kind must be correct, send_back or reject.</source>
        <translation>--kind باید correct، send_back یا reject باشد.</translation>
    </message>
    <message>
        <source>Give the corrected fields as one JSON object after the password line.</source>
        <translation>موارد اصلاح‌شده را به صورت یک شیء JSON پس از سطر گذرواژه بدهید.</translation>
    </message>
    <message>
        <source>The supervisor review queue, oldest first: identity-mismatch requests beside the registry&apos;s reference, with any proposal waiting; with --central also this branch&apos;s sync conflicts.</source>
        <translation>صف بررسی سرپرست، قدیمی‌ترین اول: درخواست‌های دارای مغایرت هویتی در کنار مرجع ثبت احوال، با پیشنهاد در انتظار؛ با --central تعارض‌های همگام‌سازی این شعبه هم.</translation>
    </message>
    <message>
        <source>Propose a decision on an identity-mismatch request (another supervisor approves it): supervisor password on the first line of standard input, then for a correction the corrected fields as JSON.</source>
        <translation>پیشنهاد تصمیم برای درخواست دارای مغایرت هویتی (سرپرست دیگری تأیید می‌کند): گذرواژه سرپرست در سطر اول ورودی استاندارد، سپس برای اصلاح، موارد اصلاح‌شده به صورت JSON.</translation>
    </message>
    <message>
        <source>correct, send_back or reject.</source>
        <translation>correct، send_back یا reject.</translation>
    </message>
    <message>
        <source>Why (required for reject).</source>
        <translation>دلیل (برای رد لازم است).</translation>
    </message>
    <message>
        <source>Approve another supervisor&apos;s proposal and apply it; supervisor password on standard input.</source>
        <translation>تأیید و اجرای پیشنهاد سرپرستی دیگر؛ گذرواژه سرپرست در ورودی استاندارد.</translation>
    </message>
    <message>
        <source>--date must be a Gregorian date, e.g. 2026-11-25.</source>
        <translation>مقدار --date باید تاریخی میلادی باشد، مثلاً 2026-11-25.</translation>
    </message>
    <message>
        <source>The supervisor dashboard&apos;s figures of one day as JSON: requests per status, activations per staff member, the oldest waiting case, the outbox.</source>
        <translation>آمار داشبورد سرپرست برای یک روز به‌صورت JSON: درخواست‌ها به تفکیک وضعیت، فعال‌سازی‌ها به تفکیک کارمند، قدیمی‌ترین پروندهٔ در انتظار و تغییرات در انتظار ارسال.</translation>
    </message>
    <message>
        <source>The day (YYYY-MM-DD, local time; default today).</source>
        <translation>روز (YYYY-MM-DD به وقت محلی؛ پیش‌فرض: امروز).</translation>
    </message>
    <message>
        <source>Load them into this central database (as its owner) instead of this branch&apos;s; the branches pull what changed.</source>
        <translation>به‌جای پایگاه داده این شعبه، در این پایگاه داده مرکزی (به‌عنوان مالک آن) بارگذاری شود؛ شعبه‌ها آنچه تغییر کرده است را دریافت می‌کنند.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) left submitted: the person already has an account (it arrived by sync).</source>
        <translation>
            <numerusform>%n درخواست ثبت‌شده ماند: این شخص از پیش حساب کاربری دارد (با همگام‌سازی رسیده است).</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the version and exit (needs no database).</source>
        <translation>نمایش نسخه و خروج (به پایگاه داده نیازی ندارد).</translation>
    </message>
    <message>
        <source>Also create demo staff (a clerk, two supervisors, an administrator) with passwords made for this database, printed once in &quot;staff&quot;; only on a database without staff.</source>
        <translation>ساختن کارمندان نمایشی نیز (یک کارمند، دو سرپرست، یک مدیر سیستم) با گذرواژه‌هایی که برای همین پایگاه داده ساخته و فقط یک بار در «staff» چاپ می‌شوند؛ فقط در پایگاه داده‌ای که کارمندی ندارد.</translation>
    </message>
    <message>
        <source>Note: the backup is on the same disk as the database. It protects against a deleted or damaged file, not against a dead disk: set backup/folder or use --to with a USB stick or a network share.</source>
        <translation>توجه: پشتیبان روی همان دیسکی است که پایگاه داده روی آن است. این پشتیبان در برابر پاک‌شدن یا آسیب‌دیدن پرونده محافظت می‌کند، نه در برابر ازکارافتادن دیسک: backup/folder را تنظیم کنید یا با ‎--to‎ یک حافظهٔ USB یا پوشهٔ اشتراکی شبکه را بدهید.</translation>
    </message>
    <message>
        <source>%1 actions were done after this backup was taken; they are listed in &quot;after_backup&quot;. What had reached the central database comes back with the next sync; the rest is only in the database kept aside (%2).</source>
        <translation>پس از گرفتن این پشتیبان %1 کار انجام شده است؛ فهرست آن‌ها در &quot;after_backup&quot; آمده است. آنچه به پایگاه دادهٔ مرکزی رسیده بود با همگام‌سازی بعدی برمی‌گردد؛ بقیه فقط در پایگاه دادهٔ کنارگذاشته‌شده است (%2).</translation>
    </message>
    <message>
        <source>A checked online backup of the branch database into the backup folder (private files; older ones pruned); staff password on standard input.</source>
        <translation>پشتیبان وارسی‌شده و بی‌وقفه از پایگاه دادهٔ شعبه در پوشهٔ پشتیبان (پرونده‌های خصوصی؛ پشتیبان‌های قدیمی‌تر حذف می‌شوند)؛ گذرواژهٔ کارمند از ورودی استاندارد.</translation>
    </message>
    <message>
        <source>The folder (default: the setting backup/folder, else &apos;backups&apos; beside the database).</source>
        <translation>پوشه (پیش‌فرض: تنظیم backup/folder، وگرنه «backups» کنار پایگاه داده).</translation>
    </message>
    <message>
        <source>The backups in the backup folder, newest first.</source>
        <translation>پشتیبان‌های پوشهٔ پشتیبان، تازه‌ترین نخست.</translation>
    </message>
    <message>
        <source>Put a checked backup in place of the branch database, keeping the current one aside; an administrator&apos;s password on standard input.</source>
        <translation>یک پشتیبان وارسی‌شده را به‌جای پایگاه دادهٔ شعبه می‌گذارد و پایگاه دادهٔ کنونی را کنار نگه می‌دارد؛ گذرواژهٔ مدیر سامانه از ورودی استاندارد.</translation>
    </message>
    <message>
        <source>What has not left the branch: changes waiting to be sent, the oldest, the last sync and the last backup, as JSON.</source>
        <translation>آنچه هنوز از شعبه بیرون نرفته است: تغییرهای در انتظار ارسال، قدیمی‌ترین آن‌ها، آخرین همگام‌سازی و آخرین پشتیبان، به‌صورت JSON.</translation>
    </message>
    <message>
        <source>Copying the database: %1%</source>
        <translation>رونوشت‌برداری از پایگاه داده: %1٪</translation>
    </message>
    <message>
        <source>Usage: branchctl [--db PATH] [--lang fa|en] COMMAND [ARGS...]</source>
        <translation>روش استفاده: branchctl [--db PATH] [--lang fa|en] COMMAND [ARGS...]</translation>
    </message>
    <message>
        <source>The gateway&apos;s URL: https://, or http:// to this computer only.</source>
        <translation>نشانی درگاه پیامک: https://، یا http:// فقط به همین رایانه.</translation>
    </message>
    <message>
        <source>Show one applicant: status, requests, history, SMS (the read is audited).</source>
        <translation>نمایش یک متقاضی: وضعیت، درخواست‌ها، سابقه و پیامک‌ها (این مشاهده در گزارش ممیزی ثبت می‌شود).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs --staff LOGIN, the staff password being the first line of standard input.</source>
        <translation>«%1» به ‎--staff LOGIN‎ نیاز دارد و گذرواژهٔ کارمند نخستین خط ورودی استاندارد است.</translation>
    </message>
    <message>
        <source>Your staff login; your password is the first line of standard input.</source>
        <translation>نام کاربری کارمندیِ شما؛ گذرواژه‌تان نخستین خط ورودی استاندارد است.</translation>
    </message>
    <message>
        <source>Add a staff account (an administrator signs in); the new password is the next line of standard input. The first account of a branch must be its administrator and needs no sign-in.</source>
        <translation>افزودن حساب کاربری کارمند (با ورود مدیر سیستم)؛ گذرواژهٔ تازه خط بعدی ورودی استاندارد است. نخستین حساب هر شعبه باید مدیر سیستم آن باشد و به ورود کسی نیاز ندارد.</translation>
    </message>
    <message>
        <source>clerk, supervisor, admin or service.</source>
        <translation>clerk (کارمند)، supervisor (سرپرست)، admin (مدیر سیستم) یا service (سرویس کارهای خودکار).</translation>
    </message>
    <message>
        <source>Who may run it: anyone with the database file (it reads and changes no person&apos;s data).</source>
        <translation>چه کسی می‌تواند اجرا کند: هر کسی که به پروندهٔ پایگاه داده دسترسی دارد (دادهٔ هیچ شخصی را نمی‌خواند و تغییر نمی‌دهد).</translation>
    </message>
    <message>
        <source>Who may run it: the central database&apos;s owner, through the URL&apos;s credentials; nobody signs in to the branch.</source>
        <translation>چه کسی می‌تواند اجرا کند: مالک پایگاه دادهٔ مرکزی، با اعتبارنامهٔ نشانی؛ کسی وارد شعبه نمی‌شود.</translation>
    </message>
    <message>
        <source>Who may run it: a clerk or a supervisor, signed in with --staff.</source>
        <translation>چه کسی می‌تواند اجرا کند: کارمند یا سرپرست، با ورود از راه ‎--staff‎.</translation>
    </message>
    <message>
        <source>Who may run it: a supervisor, signed in with --staff.</source>
        <translation>چه کسی می‌تواند اجرا کند: سرپرست، با ورود از راه ‎--staff‎.</translation>
    </message>
    <message>
        <source>Who may run it: a clerk, a supervisor or an administrator, signed in with --staff.</source>
        <translation>چه کسی می‌تواند اجرا کند: کارمند، سرپرست یا مدیر سیستم، با ورود از راه ‎--staff‎.</translation>
    </message>
    <message>
        <source>Who may run it: an administrator, signed in with --staff.</source>
        <translation>چه کسی می‌تواند اجرا کند: مدیر سیستم، با ورود از راه ‎--staff‎.</translation>
    </message>
    <message>
        <source>Who may run it: an administrator, signed in with --staff; nobody while the database has no staff account.</source>
        <translation>چه کسی می‌تواند اجرا کند: مدیر سیستم، با ورود از راه ‎--staff‎؛ تا وقتی پایگاه داده هیچ حساب کارمندی ندارد، به ورود کسی نیاز نیست.</translation>
    </message>
    <message>
        <source>Who may run it: a service login, signed in with --staff.</source>
        <translation>چه کسی می‌تواند اجرا کند: نام کاربری سرویس، با ورود از راه ‎--staff‎.</translation>
    </message>
    <message>
        <source>Submit registration requests (one JSON object or an array) for people at the counter.</source>
        <translation>ثبت درخواست‌های ثبت‌نام مراجعان پیشخوان (یک شیء JSON یا آرایه‌ای از آن‌ها).</translation>
    </message>
    <message>
        <source>The central database to bring the person from (default: the setting sync/centralUrl): postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation>پایگاه داده مرکزی‌ای که پرونده شخص از آن آورده می‌شود (پیش‌فرض: تنظیم sync/centralUrl): postgresql://USER@HOST:PORT/DBNAME یا sqlite:///ABSOLUTE/PATH.db.</translation>
    </message>
    <message>
        <source>Where a complete national code or mobile that matches nobody here is looked up (default: the setting sync/centralUrl; none: this branch only).</source>
        <translation>جایی که کد ملی یا شماره تلفن همراه کاملی که در این شعبه به کسی نمی‌خورد در آن جست‌وجو می‌شود (پیش‌فرض: تنظیم sync/centralUrl؛ بدون آن: فقط همین شعبه).</translation>
    </message>
    <message>
        <source>Brought from the central database: %1.</source>
        <translation>از پایگاه داده مرکزی به این شعبه آورده شد: %1.</translation>
    </message>
    <message>
        <source>Bring a person held at another branch here from the central database (audited there: this branch, your login, the time).</source>
        <translation>آوردن پرونده شخصی از شعبه‌ای دیگر به این شعبه از پایگاه داده مرکزی (آنجا ثبت می‌شود: این شعبه، نام کاربری شما و زمان).</translation>
    </message>
    <message>
        <source>&quot;applicants fetch&quot; needs --central URL or the setting sync/centralUrl.</source>
        <translation>فرمان «applicants fetch» به گزینهٔ --central URL یا تنظیم sync/centralUrl نیاز دارد.</translation>
    </message>
    <message>
        <source>Head office&apos;s view: one row per branch with its last sync, open conflicts, audit-chain state, persons fetched in the last day and silence.</source>
        <translation>نمای ستاد: برای هر شعبه یک ردیف، با آخرین همگام‌سازی، ناسازگاری‌های باز، وضعیت زنجیرهٔ گزارش ممیزی، افرادی که در یک روز گذشته از شعبه‌های دیگر آورده شده‌اند و مدت بی‌خبری.</translation>
    </message>
    <message>
        <source>Check the central database&apos;s copy of a branch&apos;s audit chain (each desk&apos;s).</source>
        <translation>بررسی نسخهٔ پایگاه دادهٔ مرکزی از زنجیرهٔ گزارش ممیزی یک شعبه (زنجیرهٔ هر میز).</translation>
    </message>
    <message>
        <source>The branch whose chain is checked.</source>
        <translation>شعبه‌ای که زنجیرهٔ آن بررسی می‌شود.</translation>
    </message>
    <message>
        <source>Chain %1: %2</source>
        <translation>زنجیرهٔ %1: %2</translation>
    </message>
</context>
<context>
    <name>branch::Desk</name>
    <message>
        <source>BranchDesk</source>
        <translation>BranchDesk</translation>
    </message>
</context>
<context>
    <name>branch::Language</name>
    <message>
        <source>en</source>
        <extracomment>The ISO 639-1 code of the language of this translation (fa for Persian).</extracomment>
        <translation>fa</translation>
    </message>
</context>
<context>
    <name>branch::Rules</name>
    <message>
        <source>The birth date is required.</source>
        <translation>وارد کردن تاریخ تولد الزامی است.</translation>
    </message>
    <message>
        <source>Enter the birth date as year/month/day in the Jalali calendar, like 1365/04/12.</source>
        <translation>تاریخ تولد را به صورت سال/ماه/روز شمسی وارد کنید، مانند ۱۳۶۵/۰۴/۱۲.</translation>
    </message>
    <message>
        <source>This date does not exist in the calendar.</source>
        <translation>چنین تاریخی در تقویم وجود ندارد.</translation>
    </message>
    <message>
        <source>The birth date cannot be in the future.</source>
        <translation>تاریخ تولد نمی‌تواند در آینده باشد.</translation>
    </message>
    <message>
        <source>The birth date cannot be before 1280/01/01.</source>
        <translation>تاریخ تولد نمی‌تواند پیش از ۱۲۸۰/۰۱/۰۱ باشد.</translation>
    </message>
    <message>
        <source>The mobile number may contain only digits, like 09121234567.</source>
        <translation>شماره تلفن همراه فقط می‌تواند شامل رقم باشد، مانند ۰۹۱۲۱۲۳۴۵۶۷.</translation>
    </message>
    <message>
        <source>The mobile number is required.</source>
        <translation>وارد کردن شماره تلفن همراه الزامی است.</translation>
    </message>
    <message>
        <source>This is a landline number; a mobile number starting with 09 is needed.</source>
        <translation>این شماره تلفن ثابت است؛ شماره تلفن همراهی که با ۰۹ شروع می‌شود لازم است.</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 09, like 09121234567.</source>
        <translation>شماره تلفن همراه ۱۱ رقم دارد و با ۰۹ شروع می‌شود، مانند ۰۹۱۲۱۲۳۴۵۶۷.</translation>
    </message>
    <message>
        <source>This name is required.</source>
        <translation>وارد کردن این نام الزامی است.</translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces, hyphens and apostrophes.</source>
        <translation>نام فقط می‌تواند شامل حروف، فاصله، خط تیره و آپاستروف باشد.</translation>
    </message>
    <message>
        <source>A name may be at most 60 characters long.</source>
        <translation>نام حداکثر می‌تواند ۶۰ حرف باشد.</translation>
    </message>
    <message>
        <source>The birth certificate number is required.</source>
        <translation>وارد کردن شماره شناسنامه الزامی است.</translation>
    </message>
    <message>
        <source>The birth certificate number must be 1 to 10 digits.</source>
        <translation>شماره شناسنامه باید بین ۱ تا ۱۰ رقم باشد.</translation>
    </message>
    <message>
        <source>Do not enter 0 as the birth certificate number; if it is the same as your national code, enter your national code.</source>
        <translation>از وارد نمودن عدد صفر به جای شماره شناسنامه خودداری نمایید؛ اگر شماره شناسنامه و کد ملی شما یکسان است، کد ملی خود را وارد کنید.</translation>
    </message>
    <message>
        <source>The gender is required.</source>
        <translation>انتخاب جنسیت الزامی است.</translation>
    </message>
    <message>
        <source>The gender must be male (M) or female (F).</source>
        <translation>جنسیت باید مرد (M) یا زن (F) باشد.</translation>
    </message>
    <message>
        <source>The email address is not valid, e.g. name@example.com.</source>
        <translation>نشانی ایمیل معتبر نیست؛ نمونه: name@example.com</translation>
    </message>
    <message>
        <source>The national code is required.</source>
        <translation>وارد کردن کد ملی الزامی است.</translation>
    </message>
    <message>
        <source>The national code must be exactly 10 digits.</source>
        <translation>کد ملی باید دقیقاً ۱۰ رقم باشد.</translation>
    </message>
    <message>
        <source>The national code cannot be one digit repeated ten times.</source>
        <translation>کد ملی نمی‌تواند ده بار تکرار یک رقم باشد.</translation>
    </message>
    <message>
        <source>The national code is not valid: its check digit does not match.</source>
        <translation>کد ملی معتبر نیست: رقم کنترل آن مطابقت ندارد.</translation>
    </message>
    <message>
        <source>Only Latin letters, digits and &amp; % $ # ! are allowed.</source>
        <translation>فقط کاراکترهای لاتین حرف و عدد و &amp; % $ # ! مجاز می‌باشند.</translation>
    </message>
    <message>
        <source>The password must start with a letter.</source>
        <translation>گذرواژه باید با یک حرف آغاز شود.</translation>
    </message>
    <message>
        <source>The password must contain at least one upper-case letter.</source>
        <translation>گذرواژه باید حداقل شامل یک حرف بزرگ باشد.</translation>
    </message>
    <message>
        <source>The password must contain at least one lower-case letter.</source>
        <translation>گذرواژه باید حداقل شامل یک حرف کوچک باشد.</translation>
    </message>
    <message>
        <source>The password must contain at least one digit.</source>
        <translation>گذرواژه باید حداقل شامل یک عدد باشد.</translation>
    </message>
    <message>
        <source>The password must be at least 8 characters long.</source>
        <translation>طول گذرواژه نباید کمتر از ۸ کاراکتر باشد.</translation>
    </message>
    <message>
        <source>The password must not contain your first name.</source>
        <translation>گذرواژه نباید شامل نام باشد.</translation>
    </message>
    <message>
        <source>The password must not contain your last name.</source>
        <translation>گذرواژه نباید شامل نام خانوادگی باشد.</translation>
    </message>
    <message>
        <source>The password must not contain your national code.</source>
        <translation>گذرواژه نباید شامل کد ملی باشد.</translation>
    </message>
    <message>
        <source>The password and its repetition must match exactly.</source>
        <translation>گذرواژه و تکرار آن می‌بایست کاملاً منطبق باشند.</translation>
    </message>
    <message>
        <source>The password is required.</source>
        <translation>وارد کردن گذرواژه الزامی است.</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>خیلی ضعیف</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>ضعیف</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>قوی</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>خیلی قوی</translation>
    </message>
    <message>
        <source>%1% %2</source>
        <translation>%1٪ %2</translation>
    </message>
    <message>
        <source>Choose exactly three security questions.</source>
        <translation>دقیقاً سه پرسش امنیتی انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose the security questions from the list.</source>
        <translation>پرسش‌های امنیتی را از فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose different security questions.</source>
        <translation>پرسش‌های امنیتی متفاوت انتخاب کنید.</translation>
    </message>
    <message>
        <source>Each answer must be at least two characters.</source>
        <translation>هر پاسخ باید حداقل دو حرف باشد.</translation>
    </message>
    <message>
        <source>Give a different answer to each question.</source>
        <translation>به هر پرسش پاسخ متفاوتی بدهید.</translation>
    </message>
    <message>
        <source>This national code has not been issued: its fourth to ninth digits are all zero.</source>
        <translation>این کد ملی صادر نشده است: رقم‌های چهارم تا نهم آن همگی صفر است.</translation>
    </message>
    <message>
        <source>A staff password must be at least 12 characters long; a few words in a row make a good one.</source>
        <translation>گذرواژهٔ کارمند باید دست‌کم ۱۲ نویسه باشد؛ چند واژه پشت سر هم گذرواژهٔ خوبی می‌سازند.</translation>
    </message>
    <message>
        <source>The password must be hard to guess: no common words, names, dates or patterns such as 1234 or qwerty on their own.</source>
        <translation>گذرواژه باید به‌سختی حدس‌زدنی باشد: یک واژهٔ رایج، نام، تاریخ یا الگویی مانند ۱۲۳۴ یا qwerty به‌تنهایی کافی نیست.</translation>
    </message>
</context>
<context>
    <name>branch::Services</name>
    <message>
        <source>Line %1: %2</source>
        <translation>سطر %1: %2</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text.</source>
        <translation>این فایل متن معتبری با کدگذاری UTF-8 نیست.</translation>
    </message>
    <message>
        <source>A quoted field is not closed.</source>
        <translation>گیومهٔ یکی از فیلدها بسته نشده است.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>فایل خالی است.</translation>
    </message>
    <message>
        <source>The header must be exactly: %1</source>
        <translation>سطر عنوان باید دقیقاً چنین باشد: %1</translation>
    </message>
    <message>
        <source>This database belongs to branch %1; it cannot become branch %2.</source>
        <translation>این پایگاه داده متعلق به شعبهٔ %1 است و نمی‌توان آن را به شعبهٔ %2 اختصاص داد.</translation>
    </message>
    <message>
        <source>A branch code is 3 to 8 digits.</source>
        <translation>کد شعبه باید ۳ تا ۸ رقم باشد.</translation>
    </message>
    <message>
        <source>Expected %1 columns, found %2.</source>
        <translation>%1 ستون انتظار می‌رفت، اما %2 ستون یافت شد.</translation>
    </message>
    <message>
        <source>This national code appears twice in the file.</source>
        <translation>این کد ملی در فایل تکراری است.</translation>
    </message>
    <message>
        <source>This person has no active account yet.</source>
        <translation>این شخص هنوز حساب کاربری فعال ندارد.</translation>
    </message>
    <message>
        <source>No registration request was found for this national code.</source>
        <translation>برای این کد ملی درخواست ثبت‌نامی یافت نشد.</translation>
    </message>
    <message>
        <source>This is already the account&apos;s mobile number.</source>
        <translation>این شماره هم‌اکنون شماره تلفن همراه ثبت‌شده برای این حساب کاربری است.</translation>
    </message>
    <message>
        <source>An active account already exists for this national code. Use password recovery instead of registering again.</source>
        <translation>برای این کد ملی قبلاً حساب کاربری فعال ایجاد شده است. به جای ثبت‌نام مجدد، از بازیابی گذرواژه استفاده کنید.</translation>
    </message>
    <message>
        <source>Unknown document &quot;%1&quot;; the documents are national_card and birth_certificate.</source>
        <translation>مدرک «%1» شناخته‌شده نیست؛ مدارک مجاز national_card و birth_certificate هستند.</translation>
    </message>
    <message>
        <source>Check and tick every required document before activating (missing: %1).</source>
        <translation>پیش از فعال‌سازی، همهٔ مدارک لازم را بررسی و علامت‌گذاری کنید (موارد ناقص: %1).</translation>
    </message>
    <message>
        <source>This person&apos;s account is already active.</source>
        <translation>حساب کاربری این شخص قبلاً فعال شده است.</translation>
    </message>
    <message>
        <source>This request is not waiting for activation at a branch (its status: %1).</source>
        <translation>این درخواست در انتظار فعال‌سازی در شعبه نیست (وضعیت آن: %1).</translation>
    </message>
    <message>
        <source>Write the reason for the refusal.</source>
        <translation>دلیل رد درخواست را بنویسید.</translation>
    </message>
    <message>
        <source>This request cannot be refused in its status (%1).</source>
        <translation>این درخواست در وضعیت کنونی خود (%1) قابل رد نیست.</translation>
    </message>
    <message>
        <source>No active account was found for this username (national code).</source>
        <translation>برای این نام کاربری (کد ملی) حساب کاربری فعالی یافت نشد.</translation>
    </message>
    <message>
        <source>No password recovery with this id was found.</source>
        <translation>درخواست بازیابی گذرواژه‌ای با این شناسه یافت نشد.</translation>
    </message>
    <message>
        <source>This recovery was already used to set a new password. Start again.</source>
        <translation>با این درخواست بازیابی قبلاً گذرواژهٔ جدید ثبت شده است. بازیابی را از ابتدا آغاز کنید.</translation>
    </message>
    <message>
        <source>Too many wrong tries: this recovery is locked. Start a new recovery, or recover the password at the nearest branch.</source>
        <translation>به دلیل تلاش‌های نادرست بیش از حد مجاز، این بازیابی قفل شده است. بازیابی جدیدی آغاز کنید یا برای بازیابی گذرواژه به نزدیکترین شعبه مراجعه فرمایید.</translation>
    </message>
    <message>
        <source>The recovery method must be sms or questions.</source>
        <translation>روش بازیابی باید sms (کد پیامکی) یا questions (پرسش‌های امنیتی) باشد.</translation>
    </message>
    <message>
        <source>No mobile number was found for this username.</source>
        <translation>برای این نام کاربری شماره تلفن همراه یافت نشد.</translation>
    </message>
    <message>
        <source>No security questions are registered for this username, so recovery by security questions is not possible. Use the SMS code or visit the nearest branch.</source>
        <translation>برای این نام کاربری پرسش امنیتی ثبت نشده است، بنابراین بازیابی از طریق پرسش‌های امنیتی امکان‌پذیر نیست. از کد پیامکی استفاده کنید یا به نزدیکترین شعبه مراجعه فرمایید.</translation>
    </message>
    <message>
        <source>This recovery uses security questions, not an SMS code.</source>
        <translation>این بازیابی از طریق پرسش‌های امنیتی انجام می‌شود، نه کد پیامکی.</translation>
    </message>
    <message>
        <source>The code has expired (it is valid for 20 minutes after it was made). Request a new code.</source>
        <translation>اعتبار کد به پایان رسیده است (کد تا ۲۰ دقیقه پس از تولید معتبر است). کد جدیدی درخواست کنید.</translation>
    </message>
    <message>
        <source>The code is wrong.</source>
        <translation>کد وارد شده نادرست است.</translation>
    </message>
    <message>
        <source>This recovery uses an SMS code, not security questions.</source>
        <translation>این بازیابی از طریق کد پیامکی انجام می‌شود، نه پرسش‌های امنیتی.</translation>
    </message>
    <message>
        <source>The answers to the security questions are wrong.</source>
        <translation>پاسخ پرسش‌های امنیتی نادرست است.</translation>
    </message>
    <message>
        <source>Verify the SMS code or the security answers first.</source>
        <translation>ابتدا کد پیامکی یا پاسخ پرسش‌های امنیتی را تأیید کنید.</translation>
    </message>
    <message>
        <source>The database file does not exist. Create it with &quot;branchctl init&quot;.</source>
        <translation>فایل پایگاه داده وجود ندارد. آن را با &quot;branchctl init&quot; ایجاد کنید.</translation>
    </message>
    <message>
        <source>This file is not a BranchDesk database (or it was never initialised). Nothing was changed.</source>
        <translation>این فایل پایگاه دادهٔ BranchDesk نیست (یا هرگز راه‌اندازی نشده است). هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>The database is locked by another program. Try again in a moment; nothing was changed.</source>
        <translation>پایگاه داده در اختیار برنامهٔ دیگری است. لحظاتی بعد دوباره تلاش کنید؛ هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>The database cannot be written (read-only file or folder). Nothing was changed.</source>
        <translation>امکان نوشتن در پایگاه داده وجود ندارد (فایل یا پوشه فقط‌خواندنی است). هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a database. Nothing was changed; restore it from a backup or sync it again.</source>
        <translation>فایل پایگاه داده آسیب دیده است یا پایگاه داده نیست. هیچ تغییری اعمال نشد؛ آن را از نسخهٔ پشتیبان بازگردانید یا دوباره همگام‌سازی کنید.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of BranchDesk. Update this program; nothing was changed.</source>
        <translation>این پایگاه داده با نسخهٔ جدیدتری از BranchDesk نوشته شده است. این برنامه را به‌روزرسانی کنید؛ هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>The change conflicts with data already stored. Nothing was changed.</source>
        <translation>این تغییر با داده‌های ذخیره‌شده تعارض دارد. هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>The database reported an error. Nothing was changed.</source>
        <translation>در پایگاه داده خطایی رخ داد. هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>A staff login is 3 to 32 characters: lower-case Latin letters, digits, dot, dash or underscore, starting with a letter.</source>
        <translation>نام کاربری کارمند باید ۳ تا ۳۲ نویسه باشد، با حرف آغاز شود و فقط شامل حروف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط باشد.</translation>
    </message>
    <message>
        <source>A staff member with this login already exists.</source>
        <translation>کارمندی با این نام کاربری از قبل وجود دارد.</translation>
    </message>
    <message>
        <source>The staff login or password is wrong.</source>
        <translation>نام کاربری یا گذرواژهٔ کارمند نادرست است.</translation>
    </message>
    <message>
        <source>A newer recovery was started for this username; use the newest code or questions.</source>
        <translation>برای این نام کاربری بازیابی تازه‌تری آغاز شده است؛ از جدیدترین شناسه یا پرسش‌ها استفاده کنید.</translation>
    </message>
    <message>
        <source>Too many password recoveries were started for this username. Try again in an hour, or recover the password at the nearest branch.</source>
        <translation>برای این نام کاربری بازیابی گذرواژه بیش از حد مجاز آغاز شده است. یک ساعت دیگر دوباره تلاش کنید یا برای بازیابی گذرواژه به نزدیکترین شعبه مراجعه فرمائید.</translation>
    </message>
    <message>
        <source>This staff login is locked after too many wrong passwords. Minutes until it opens again: %1.</source>
        <translation>این نام کاربری کارمند پس از گذرواژه‌های نادرست پیاپی قفل شده است. دقیقه‌های باقی‌مانده تا بازشدن: %1.</translation>
    </message>
    <message>
        <source>This staff login no longer exists or is disabled; sign in again.</source>
        <translation>این نام کاربری کارمند دیگر وجود ندارد یا غیرفعال است؛ دوباره وارد شوید.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>نقش شما اجازهٔ این کار را نمی‌دهد.</translation>
    </message>
    <message>
        <source>The central database cannot be reached (server down, wrong address or no network). Nothing was changed; try again later.</source>
        <translation>پایگاه داده مرکزی در دسترس نیست (کارساز خاموش است، نشانی نادرست است یا شبکه قطع است). چیزی تغییر نکرد؛ بعداً دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>The central database refused the user name or password. Check the password in PGPASSWORD or the pgpass file; nothing was changed.</source>
        <translation>پایگاه داده مرکزی نام کاربری یا گذرواژه را نپذیرفت. گذرواژه را در PGPASSWORD یا پرونده pgpass بررسی کنید؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>The central database URL is empty.</source>
        <translation>نشانی پایگاه داده مرکزی خالی است.</translation>
    </message>
    <message>
        <source>Do not put a password in the central database URL (every user of the computer can see a command line). Use the PGPASSWORD environment variable or a pgpass file.</source>
        <translation>گذرواژه را در نشانی پایگاه داده مرکزی ننویسید (خط فرمان را همه کاربران رایانه می‌بینند). از متغیر محیطی PGPASSWORD یا پرونده pgpass استفاده کنید.</translation>
    </message>
    <message>
        <source>The central database URL needs a user name: postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation>نشانی پایگاه داده مرکزی باید نام کاربری داشته باشد: postgresql://USER@HOST:PORT/DBNAME.</translation>
    </message>
    <message>
        <source>The central database URL needs a host: postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation>نشانی پایگاه داده مرکزی باید نام کارساز داشته باشد: postgresql://USER@HOST:PORT/DBNAME.</translation>
    </message>
    <message>
        <source>The port of the central database URL must be a number from 1 to 65535.</source>
        <translation>درگاه نشانی پایگاه داده مرکزی باید عددی از ۱ تا ۶۵۵۳۵ باشد.</translation>
    </message>
    <message>
        <source>The central database URL needs a database name: postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation>نشانی پایگاه داده مرکزی باید نام پایگاه داده داشته باشد: postgresql://USER@HOST:PORT/DBNAME.</translation>
    </message>
    <message>
        <source>A SQLite central database needs an absolute path: sqlite:///ABSOLUTE/PATH.db.</source>
        <translation>پایگاه داده مرکزی SQLite به مسیر کامل نیاز دارد: sqlite:///ABSOLUTE/PATH.db.</translation>
    </message>
    <message>
        <source>The central database URL must look like postgresql://USER@HOST:PORT/DBNAME or sqlite:///ABSOLUTE/PATH.db.</source>
        <translation>نشانی پایگاه داده مرکزی باید به شکل postgresql://USER@HOST:PORT/DBNAME یا sqlite:///ABSOLUTE/PATH.db باشد.</translation>
    </message>
    <message>
        <source>The central database does not exist. Create it first (PostgreSQL: createdb; then &quot;branchctl central init&quot;).</source>
        <translation>پایگاه داده مرکزی وجود ندارد. نخست آن را بسازید (در PostgreSQL با createdb و سپس «branchctl central init»).</translation>
    </message>
    <message>
        <source>This is not a BranchDesk central database at the current version. Run &quot;branchctl central init&quot; (it never writes into someone else&apos;s database).</source>
        <translation>این پایگاه داده مرکزی BranchDesk در نسخه کنونی نیست. «branchctl central init» را اجرا کنید (در پایگاه داده دیگران هرگز چیزی نمی‌نویسد).</translation>
    </message>
    <message>
        <source>The central database was written by a newer version of BranchDesk. Update this program; nothing was changed.</source>
        <translation>پایگاه داده مرکزی را نسخه تازه‌تری از BranchDesk نوشته است. این برنامه را به‌روز کنید؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>The branch&apos;s database password must have at least 12 characters.</source>
        <translation>گذرواژه پایگاه داده شعبه باید دست‌کم ۱۲ نویسه داشته باشد.</translation>
    </message>
    <message>
        <source>No token for the SMS gateway: set the environment variable %1.</source>
        <translation>توکن درگاه پیامک تعیین نشده است: متغیر محیطی %1 را مقدار دهید.</translation>
    </message>
    <message>
        <source>The SMS gateway refused the token (HTTP %1). Check %2; the messages stay queued.</source>
        <translation>درگاه پیامک توکن را نپذیرفت (HTTP %1). %2 را بررسی کنید؛ پیامک‌ها در صف می‌مانند.</translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached; every message stays queued and will be sent by a later run.</source>
        <translation>دسترسی به درگاه پیامک ممکن نشد؛ همهٔ پیامک‌ها در صف می‌مانند و در اجرای بعدی فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>There is no open conflict of this branch with this id.</source>
        <translation>ناسازگاری بازی با این شناسه برای این شعبه وجود ندارد.</translation>
    </message>
    <message>
        <source>The central verification runs as the owner of the central database, not as a branch&apos;s user. Nothing was changed.</source>
        <translation>بررسی مرکزی با کاربر مالک پایگاه داده مرکزی اجرا می‌شود، نه با کاربر یک شعبه. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>Correct from the documents and activate</source>
        <translation>اصلاح از روی مدارک و فعال‌سازی</translation>
    </message>
    <message>
        <source>Send back to register again</source>
        <translation>بازگرداندن برای ثبت‌نام دوباره</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be corrected here; the fields are first_name, last_name, birth_cert_no, birth_date and gender.</source>
        <translation>«%1» را اینجا نمی‌توان اصلاح کرد؛ موارد قابل اصلاح first_name، last_name، birth_cert_no، birth_date و gender است.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text value (in quotes).</source>
        <translation>«%1» باید مقدار متنی (داخل گیومه) باشد.</translation>
    </message>
    <message>
        <source>Write the reason for the rejection.</source>
        <translation>دلیل رد را بنویسید.</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>birth certificate number</source>
        <translation>شماره شناسنامه</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>The civil registry has no entry for this national code, so the request cannot be activated by a correction. Send it back or reject it.</source>
        <translation>ثبت احوال برای این کد ملی موردی ندارد، پس درخواست با اصلاح فعال نمی‌شود. آن را بازگردانید یا رد کنید.</translation>
    </message>
    <message>
        <source>The corrected data still does not match the civil registry (different: %1). Check the documents again; nothing was changed.</source>
        <translation>اطلاعات اصلاح‌شده هنوز با ثبت احوال مطابقت ندارد (متفاوت: %1). مدارک را دوباره بررسی کنید؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>This request is not waiting for a supervisor&apos;s review (its status: %1).</source>
        <translation>این درخواست در انتظار بررسی سرپرست نیست (وضعیت آن: %1).</translation>
    </message>
    <message>
        <source>The person has registered again since; the newer request is the one to decide.</source>
        <translation>این شخص از آن پس دوباره ثبت‌نام کرده است؛ درخواست جدیدتر باید تصمیم‌گیری شود.</translation>
    </message>
    <message>
        <source>There is no review proposal with this id.</source>
        <translation>پیشنهاد بررسی‌ای با این شناسه وجود ندارد.</translation>
    </message>
    <message>
        <source>This proposal was already approved by %1.</source>
        <translation>این پیشنهاد پیش‌تر توسط %1 تأیید شده است.</translation>
    </message>
    <message>
        <source>This proposal was replaced by a newer one.</source>
        <translation>این پیشنهاد با پیشنهاد جدیدتری جایگزین شده است.</translation>
    </message>
    <message>
        <source>You made this proposal: another supervisor must approve it (four eyes).</source>
        <translation>این پیشنهاد را خودتان داده‌اید: سرپرست دیگری باید آن را تأیید کند (اصل چهار چشم).</translation>
    </message>
    <message>
        <source>The request was decided otherwise since this proposal was made; nothing was changed. %1</source>
        <translation>پس از ثبت این پیشنهاد، درباره درخواست تصمیم دیگری گرفته شده است؛ چیزی تغییر نکرد. %1</translation>
    </message>
    <message>
        <source>The request changed since this proposal was made; make a new proposal. Nothing was changed.</source>
        <translation>درخواست پس از ثبت این پیشنهاد تغییر کرده است؛ پیشنهاد تازه‌ای بدهید. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>Check and tick every required document before the recovery at the branch (missing: %1).</source>
        <translation>پیش از بازیابی در شعبه، همه مدارک لازم را بررسی و علامت بزنید (کم است: %1).</translation>
    </message>
    <message>
        <source>Choose what to renew: a new password, new security questions, or both.</source>
        <translation>انتخاب کنید چه چیزی تازه شود: گذرواژه جدید، سؤال‌های امنیتی جدید، یا هر دو.</translation>
    </message>
    <message>
        <source>The central reference data is loaded by the owner of the central database, not by a branch&apos;s user. Nothing was changed.</source>
        <translation>داده‌های مرجع مرکزی را مالک پایگاه داده مرکزی بارگذاری می‌کند، نه کاربر یک شعبه. هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>Enter the branch code (3 to 8 digits).</source>
        <translation>کد شعبه را وارد کنید (۳ تا ۸ رقم).</translation>
    </message>
    <message>
        <source>This branch already has staff accounts; its first administrator exists. Sign in instead.</source>
        <translation>این شعبه از پیش حساب کارمند دارد و نخستین مدیر سیستم آن ساخته شده است. به‌جای آن وارد شوید.</translation>
    </message>
    <message>
        <source>The first account of a branch must be its administrator (--role admin); add clerks and supervisors after it.</source>
        <translation>نخستین حساب هر شعبه باید مدیر سیستم آن باشد (‎--role admin‎)؛ کارمندان و سرپرستان را پس از آن بیفزایید.</translation>
    </message>
    <message>
        <source>This program no longer holds the branch database it opened (the file was moved, replaced or deleted, or another program disturbed it). Nothing was changed: close BranchDesk and start it again.</source>
        <translation>این برنامه دیگر پایگاه دادهٔ شعبه را که باز کرده بود در دست ندارد (پرونده جابه‌جا، جایگزین یا پاک شده، یا برنامهٔ دیگری در آن دست برده است). چیزی تغییر نکرد: BranchDesk را ببندید و دوباره باز کنید.</translation>
    </message>
    <message>
        <source>This database has no branch code yet (run init): there is nothing to back up.</source>
        <translation>این پایگاه داده هنوز کد شعبه ندارد (init را اجرا کنید): چیزی برای پشتیبان‌گیری نیست.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created or written. Check that the disk or share is connected, or choose another folder.</source>
        <translation>پوشهٔ پشتیبان %1 ساخته یا نوشته نمی‌شود. بررسی کنید که دیسک یا پوشهٔ اشتراکی وصل باشد، یا پوشهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <source>Another backup of this branch into this folder is running. Try again when it has finished.</source>
        <translation>پشتیبان‌گیری دیگری از این شعبه در همین پوشه در جریان است. پس از پایان آن دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>The copy of the database did not pass its check, so it was not kept. The database itself is unchanged; try again, and call IT support if it happens again.</source>
        <translation>رونوشت پایگاه داده از وارسی سربلند بیرون نیامد و نگه داشته نشد. خود پایگاه داده تغییری نکرده است؛ دوباره تلاش کنید و اگر تکرار شد با پشتیبانی فناوری اطلاعات تماس بگیرید.</translation>
    </message>
    <message>
        <source>The backup to restore is the database itself.</source>
        <translation>پشتیبانی که برای بازگردانی داده‌اید خودِ پایگاه داده است.</translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation>پروندهٔ پشتیبان %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>%1 is not a sound BranchDesk backup (it is damaged or not a branch database). Nothing was changed.</source>
        <translation>%1 پشتیبان سالمی از BranchDesk نیست (آسیب دیده است یا پایگاه دادهٔ شعبه نیست). چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>This backup was written by a newer BranchDesk. Install that version first. Nothing was changed.</source>
        <translation>این پشتیبان را نسخهٔ تازه‌تری از BranchDesk نوشته است. نخست آن نسخه را نصب کنید. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>This backup belongs to branch %1, and this database to branch %2. Nothing was changed.</source>
        <translation>این پشتیبان از شعبهٔ %1 است و این پایگاه داده از شعبهٔ %2. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>The backup&apos;s audit log does not verify (entry %1): it was altered, so it is not restored. Nothing was changed.</source>
        <translation>گزارش ممیزی این پشتیبان درست درنمی‌آید (ردیف %1): دست‌کاری شده است و بازگردانده نمی‌شود. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>BranchDesk or another program has this database open. Close it on this PC and try again. Nothing was changed.</source>
        <translation>BranchDesk یا برنامهٔ دیگری این پایگاه داده را باز کرده است. آن را روی این رایانه ببندید و دوباره تلاش کنید. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>The disk that holds the branch database is full, so this action could not be saved. Nothing was changed. Free some space on the disk (or ask IT support to) and do the action again; BranchDesk keeps running meanwhile.</source>
        <translation>دیسکی که پایگاه دادهٔ شعبه روی آن است پر شده است، از این رو این کار ذخیره نشد. هیچ تغییری اعمال نشد. بخشی از فضای دیسک را آزاد کنید (یا از پشتیبانی فناوری اطلاعات بخواهید) و کار را دوباره انجام دهید؛ BranchDesk در این فاصله همچنان کار می‌کند.</translation>
    </message>
    <message>
        <source>The disk that holds the branch database reported an error (it may be failing or have become read-only), so this action could not be saved. Nothing was changed. Call IT support; BranchDesk keeps running, and the action can be done again once the disk works.</source>
        <translation>دیسکی که پایگاه دادهٔ شعبه روی آن است خطا گزارش کرد (شاید رو به خرابی باشد یا فقط‌خواندنی شده باشد)، از این رو این کار ذخیره نشد. هیچ تغییری اعمال نشد. با پشتیبانی فناوری اطلاعات تماس بگیرید؛ BranchDesk همچنان کار می‌کند و وقتی دیسک درست شد، می‌توانید این کار را دوباره انجام دهید.</translation>
    </message>
    <message>
        <source>More than 10 minutes have passed since the code or the answers were verified. Start a new recovery.</source>
        <translation>بیش از ۱۰ دقیقه از تأیید کد یا پاسخ‌ها گذشته است. بازیابی جدیدی آغاز کنید.</translation>
    </message>
    <message>
        <source>Too many wrong codes or answers were given for this username, so the password can no longer be recovered online. Recover it at a branch, with the identity documents.</source>
        <translation>برای این نام کاربری کدها یا پاسخ‌های نادرست بیش از حد مجاز وارد شده است، از این رو بازیابی گذرواژه به صورت برخط دیگر امکان‌پذیر نیست. برای بازیابی گذرواژه با در دست داشتن مدارک هویتی به شعبه مراجعه فرمایید.</translation>
    </message>
    <message>
        <source>The central database server does not offer an encrypted (TLS) connection, so BranchDesk did not connect. Nothing was changed; ask the head office&apos;s IT staff to turn on TLS on the server.</source>
        <translation>سرور پایگاه دادهٔ مرکزی اتصال رمزنگاری‌شده (TLS) ارائه نمی‌کند، از این رو BranchDesk به آن وصل نشد. هیچ تغییری اعمال نشد؛ از کارکنان فناوری اطلاعات ستاد بخواهید TLS را روی سرور فعال کنند.</translation>
    </message>
    <message>
        <source>There is no CA certificate to check the central database server with. Set the file in PGSSLROOTCERT or in the setting sync/caFile; nothing was changed.</source>
        <translation>گواهی مرجع صدور (CA) برای بررسی سرور پایگاه دادهٔ مرکزی در دسترس نیست. پرونده را در PGSSLROOTCERT یا در تنظیم sync/caFile تعیین کنید؛ هیچ تغییری اعمال نشد.</translation>
    </message>
    <message>
        <source>The central database server&apos;s certificate is not signed by the trusted CA (or it has expired): this may not be the organisation&apos;s server. BranchDesk did not connect and nothing was changed; call the head office&apos;s IT staff.</source>
        <translation>گواهی سرور پایگاه دادهٔ مرکزی را مرجع صدور مورد اعتماد امضا نکرده است (یا منقضی شده است): ممکن است این سرور متعلق به سازمان نباشد. BranchDesk وصل نشد و هیچ تغییری اعمال نشد؛ با کارکنان فناوری اطلاعات ستاد تماس بگیرید.</translation>
    </message>
    <message>
        <source>The central database server&apos;s certificate is for another host name than the one in the URL: this may not be the organisation&apos;s server. BranchDesk did not connect and nothing was changed; check the URL&apos;s host name or call the head office&apos;s IT staff.</source>
        <translation>گواهی سرور پایگاه دادهٔ مرکزی برای نام میزبانی غیر از نام موجود در نشانی است: ممکن است این سرور متعلق به سازمان نباشد. BranchDesk وصل نشد و هیچ تغییری اعمال نشد؛ نام میزبان نشانی را بررسی کنید یا با کارکنان فناوری اطلاعات ستاد تماس بگیرید.</translation>
    </message>
    <message>
        <source>The SMS could not be sent (no SMS gateway is set up, or it did not answer). Continue with the security questions or the identity documents.</source>
        <translation>پیامک فرستاده نشد (درگاه پیامک راه‌اندازی نشده است یا پاسخ نداد). با سؤال‌های امنیتی یا مدارک هویتی ادامه دهید.</translation>
    </message>
    <message>
        <source>Recovery code (hidden)</source>
        <translation>کد بازیابی (پنهان)</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s address must be an https:// URL (plain http:// only to this computer: localhost, 127.0.0.1 or ::1).</source>
        <translation>نشانی درگاه پیامک باید یک نشانی https:// باشد (http:// ساده فقط به همین رایانه: localhost، 127.0.0.1 یا ::1).</translation>
    </message>
    <message>
        <source>This database already has staff accounts: demo data goes only into a database without any (a demo or training database), never into a branch&apos;s real work. Start from a new database.</source>
        <translation>این پایگاه داده حساب کارمند دارد: دادهٔ نمایشی فقط در پایگاه داده‌ای بدون هیچ حساب کارمندی (پایگاه نمایشی یا آموزشی) ریخته می‌شود، هرگز در کار واقعی شعبه. از یک پایگاه دادهٔ تازه شروع کنید.</translation>
    </message>
    <message>
        <source>The role must be clerk, supervisor, admin or service.</source>
        <translation>نقش باید clerk (کارمند)، supervisor (سرپرست)، admin (مدیر سیستم) یا service (سرویس کارهای خودکار) باشد.</translation>
    </message>
    <message>
        <source>A service login runs the machine jobs (sync, SMS sending, verification) and cannot sign in to the desk. Sign in with your own login.</source>
        <translation>نام کاربری سرویس فقط برای کارهای خودکار (همگام‌سازی، ارسال پیامک، بررسی درخواست‌ها) است و با آن نمی‌توان وارد میز کار شد. با نام کاربری خودتان وارد شوید.</translation>
    </message>
    <message>
        <source>This person is not held at this branch, and the central database cannot be reached to bring them here. Try again when the connection is back.</source>
        <translation>پرونده این شخص در این شعبه نیست و برای آوردن آن به این شعبه، دسترسی به پایگاه داده مرکزی ممکن نیست. وقتی ارتباط برقرار شد دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>No applicant has this mobile number, here or at the central database.</source>
        <translation>هیچ متقاضی‌ای با این شماره تلفن همراه، نه در این شعبه و نه در پایگاه داده مرکزی، پیدا نشد.</translation>
    </message>
    <message>
        <source>No applicant has this national code, here or at the central database.</source>
        <translation>هیچ متقاضی‌ای با این کد ملی، نه در این شعبه و نه در پایگاه داده مرکزی، پیدا نشد.</translation>
    </message>
    <message>
        <source>Only a complete national code or mobile number is looked up at the central database.</source>
        <translation>فقط کد ملی یا شماره تلفن همراه کامل در پایگاه داده مرکزی جست‌وجو می‌شود.</translation>
    </message>
    <message>
        <source>The central database refused this change: a branch changes only the people it holds, and only as its counter actions do (the server checks every row). Nothing was changed; if this repeats, call the head office&apos;s IT staff.</source>
        <translation>پایگاه داده مرکزی این تغییر را نپذیرفت: هر شعبه فقط اشخاصی را که در اختیار دارد و فقط به همان شکلی که کارهای باجه تغییر می‌دهند می‌تواند تغییر دهد (سرور هر ردیف را بررسی می‌کند). هیچ تغییری اعمال نشد؛ اگر تکرار شد با کارکنان فناوری اطلاعات ستاد تماس بگیرید.</translation>
    </message>
    <message>
        <source>The central database knows no branch %1.</source>
        <translation>پایگاه دادهٔ مرکزی شعبه‌ای با کد %1 نمی‌شناسد.</translation>
    </message>
    <message>
        <source>Entry %1 is another branch&apos;s.</source>
        <translation>ردیف %1 از آنِ شعبهٔ دیگری است.</translation>
    </message>
    <message>
        <source>The audit log of this desk does not continue the copy the central database holds: %1 It was edited, cut short or replaced; nothing was sent, and head office has been told.</source>
        <translation>گزارش ممیزی این میز دنبالهٔ نسخه‌ای نیست که پایگاه دادهٔ مرکزی از آن دارد: %1 این گزارش ویرایش، کوتاه یا جایگزین شده است؛ چیزی فرستاده نشد و به ستاد خبر داده شد.</translation>
    </message>
</context>
<context>
    <name>branch::Status</name>
    <message>
        <source>Pending verification</source>
        <translation>در انتظار بررسی</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Activation at a branch required</source>
        <translation>نیازمند فعال‌سازی در شعبه</translation>
    </message>
    <message>
        <source>Identity mismatch</source>
        <translation>عدم تطابق اطلاعات هویتی</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منقضی‌شده</translation>
    </message>
    <message>
        <source>Superseded by a newer request</source>
        <translation>جایگزین‌شده با درخواست جدیدتر</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ردشده</translation>
    </message>
</context>
<context>
    <name>branch::ui::AboutDialog</name>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>%1 (demo database)</source>
        <translation>%1 (پایگاه دادهٔ نمایشی)</translation>
    </message>
</context>
<context>
    <name>branch::ui::ActivationDialog</name>
    <message>
        <source>National card (the original, photo and national code checked)</source>
        <translation>کارت ملی (اصل، عکس و کد ملی بررسی شد)</translation>
    </message>
    <message>
        <source>Birth certificate (the original, names, number and date checked)</source>
        <translation>شناسنامه (اصل، نام‌ها، شماره و تاریخ بررسی شد)</translation>
    </message>
    <message>
        <source>Tick every document first.</source>
        <translation>ابتدا همهٔ مدارک را تیک بزنید.</translation>
    </message>
    <message>
        <source>Documents checked</source>
        <translation>مدارک بررسی‌شده</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Activate the online account of %1?</source>
        <translation>حساب کاربری %1 فعال شود؟</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>فعال‌سازی</translation>
    </message>
</context>
<context>
    <name>branch::ui::ApplicantSearchModel</name>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>شمارهٔ همراه</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
</context>
<context>
    <name>branch::ui::ApplicantView</name>
    <message>
        <source>Request submitted</source>
        <translation>ثبت درخواست</translation>
    </message>
    <message>
        <source>Request approved</source>
        <translation>تأیید درخواست</translation>
    </message>
    <message>
        <source>Referred to the branch for activation</source>
        <translation>ارجاع به شعبه برای فعال‌سازی</translation>
    </message>
    <message>
        <source>Identity does not match the civil registry</source>
        <translation>مغایرت هویت با ثبت احوال</translation>
    </message>
    <message>
        <source>Request expired</source>
        <translation>انقضای درخواست</translation>
    </message>
    <message>
        <source>Replaced by a newer request</source>
        <translation>جایگزینی با درخواست جدیدتر</translation>
    </message>
    <message>
        <source>Refused at the branch</source>
        <translation>رد درخواست در شعبه</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>ایجاد حساب کاربری</translation>
    </message>
    <message>
        <source>Mobile number changed</source>
        <translation>تغییر شمارهٔ همراه</translation>
    </message>
    <message>
        <source>Password reset at the branch</source>
        <translation>بازنشانی گذرواژه در شعبه</translation>
    </message>
    <message>
        <source>Security questions reset at the branch</source>
        <translation>بازنشانی پرسش‌های امنیتی در شعبه</translation>
    </message>
    <message>
        <source>Password recovered</source>
        <translation>بازیابی گذرواژه</translation>
    </message>
    <message>
        <source>Password recovery started</source>
        <translation>آغاز بازیابی گذرواژه</translation>
    </message>
    <message>
        <source>Recovery verified</source>
        <translation>تأیید بازیابی</translation>
    </message>
    <message>
        <source>Wrong recovery code or answer</source>
        <translation>کد یا پاسخ نادرست در بازیابی</translation>
    </message>
    <message>
        <source>Recovery locked after wrong tries</source>
        <translation>قفل بازیابی پس از تلاش‌های نادرست</translation>
    </message>
    <message>
        <source>Recovery replaced by a newer one</source>
        <translation>جایگزینی بازیابی با بازیابی جدیدتر</translation>
    </message>
    <message>
        <source>Recovery completed</source>
        <translation>پایان بازیابی</translation>
    </message>
    <message>
        <source>SMS queued</source>
        <translation>ارسال پیامک در صف</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>By</source>
        <translation>انجام‌دهنده</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Return to the search (Esc, Alt+Left)</source>
        <translation>بازگشت به جست‌وجو (Esc، Alt+Left)</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>بازگشت به جست‌وجو</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>مورد</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <source>Civil registry</source>
        <translation>ثبت احوال</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>نام پدر</translation>
    </message>
    <message>
        <source>Birth certificate no.</source>
        <translation>شمارهٔ شناسنامه</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>وضعیت: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>هنوز ساخته نشده</translation>
    </message>
    <message>
        <source>The request differs from the civil registry in this field.</source>
        <translation>این مورد در درخواست با ثبت احوال فرق دارد.</translation>
    </message>
    <message>
        <source>The civil registry has no person with this national code.</source>
        <translation>در ثبت احوال کسی با این کد ملی نیست.</translation>
    </message>
    <message>
        <source>Highlighted fields differ from the civil registry.</source>
        <translation>موارد پررنگ با ثبت احوال فرق دارند.</translation>
    </message>
    <message>
        <source>The request matches the civil registry.</source>
        <translation>درخواست با ثبت احوال یکسان است.</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>ارسال به %1</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>درگاه اینترنتی</translation>
    </message>
    <message>
        <source>Central verification</source>
        <translation>راستی‌آزمایی مرکزی</translation>
    </message>
    <message>
        <source>System</source>
        <translation>سامانه</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>در صف ارسال</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ارسال شد</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Change &amp;mobile…</source>
        <translation>تغییر شمار&amp;ه همراه…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>بازنشانی گذر&amp;واژه…</translation>
    </message>
    <message>
        <source>Reset security &amp;questions…</source>
        <translation>با&amp;زنشانی پرسش‌های امنیتی…</translation>
    </message>
    <message>
        <source>&amp;Refuse request…</source>
        <translation>ر&amp;د درخواست…</translation>
    </message>
    <message>
        <source>SMS delivered to the gateway</source>
        <translation>پیامک به درگاه پیامک تحویل شد</translation>
    </message>
    <message>
        <source>SMS to be sent again</source>
        <translation>پیامک دوباره فرستاده می‌شود</translation>
    </message>
    <message>
        <source>SMS could not be sent</source>
        <translation>پیامک فرستاده نشد</translation>
    </message>
    <message>
        <source>Staff signed in</source>
        <translation>ورود کارمند</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>در حال ارسال</translation>
    </message>
    <message>
        <source>Recovered at the branch after a document check</source>
        <translation>بازیابی در شعبه پس از بررسی مدارک</translation>
    </message>
    <message>
        <source>Reco&amp;ver password…</source>
        <translation>بازیابی گذروا&amp;ژه…</translation>
    </message>
    <message>
        <source>A&amp;ctivate account…</source>
        <translation>فعا&amp;ل‌سازی حساب…</translation>
    </message>
    <message>
        <source>Online recovery refused: too many wrong tries</source>
        <translation>بازیابی برخط پذیرفته نشد: تلاش‌های نادرست بیش از حد</translation>
    </message>
    <message>
        <source>Recovery code not sent: the SMS gateway did not answer</source>
        <translation>کد بازیابی فرستاده نشد: سامانهٔ پیامک پاسخ نداد</translation>
    </message>
    <message>
        <source>Decision proposed for a second supervisor</source>
        <translation>تصمیم برای سرپرست دوم پیشنهاد شد</translation>
    </message>
    <message>
        <source>Proposed decision approved</source>
        <translation>تصمیم پیشنهادی تأیید شد</translation>
    </message>
    <message>
        <source>Fetched from the central database</source>
        <translation>از پایگاه دادهٔ مرکزی دریافت شد</translation>
    </message>
    <message>
        <source>Sync conflict resolved</source>
        <translation>ناسازگاری همگام‌سازی حل شد</translation>
    </message>
</context>
<context>
    <name>branch::ui::CounterDialog</name>
    <message>
        <source>%1 %2 — national code %3</source>
        <translation>%1 %2 — کد ملی %3</translation>
    </message>
</context>
<context>
    <name>branch::ui::DashboardPage</name>
    <message>
        <source>Dashboard of branch %1</source>
        <translation>داشبورد شعبهٔ %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>درخواست‌ها</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>فعال‌سازی‌ها</translation>
    </message>
    <message>
        <source>Activations per staff member</source>
        <translation>فعال‌سازی‌ها به تفکیک کارمند</translation>
    </message>
    <message>
        <source>Export daily report…</source>
        <translation>خروجی گزارش روزانه…</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>بازگشت به جست‌وجو</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>در حال محاسبهٔ آمار…</translation>
    </message>
    <message>
        <source>%1 — %2 (since %3)</source>
        <translation>%1 — %2 (از %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ندارد</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>not set up (this desk works offline)</source>
        <translation>راه‌اندازی نشده (این میز آفلاین کار می‌کند)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>برخط</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>آفلاین</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>هیچ‌کس</translation>
    </message>
    <message>
        <source>Activations per staff member on %1</source>
        <translation>فعال‌سازی‌ها به تفکیک کارمند در %1</translation>
    </message>
    <message>
        <source>There are no figures to export yet.</source>
        <translation>هنوز آماری برای خروجی نیست.</translation>
    </message>
    <message>
        <source>Save the daily report as PDF</source>
        <translation>ذخیرهٔ گزارش روزانه به‌صورت PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The daily report was saved as %1.</source>
        <translation>گزارش روزانه در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>هرگز</translation>
    </message>
</context>
<context>
    <name>branch::ui::DashboardReport</name>
    <message>
        <source>%1, %2</source>
        <extracomment>In the daily report: %1 is the Jalali date, %2 the time (hh:mm).</extracomment>
        <translation>%1، ساعت %2</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>A waiting time: %1 days and %2 hours.</extracomment>
        <translation>%1 روز و %2 ساعت</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>A waiting time: %1 hours and %2 minutes.</extracomment>
        <translation>%1 ساعت و %2 دقیقه</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>A waiting time in minutes.</extracomment>
        <translation>%1 دقیقه</translation>
    </message>
    <message>
        <source>BranchDesk daily report</source>
        <translation>گزارش روزانهٔ BranchDesk</translation>
    </message>
    <message>
        <source>No file name was given for the report.</source>
        <translation>نامی برای فایل گزارش داده نشد.</translation>
    </message>
    <message>
        <source>The report could not be saved: %1 is a folder.</source>
        <translation>گزارش ذخیره نشد: %1 یک پوشه است.</translation>
    </message>
    <message>
        <source>The report could not be saved as %1: the folder %2 cannot be written to.</source>
        <translation>گزارش در %1 ذخیره نشد: در پوشهٔ %2 نمی‌توان نوشت.</translation>
    </message>
    <message>
        <source>The report could not be saved as %1: the file could not be replaced.</source>
        <translation>گزارش در %1 ذخیره نشد: فایل جایگزین نشد.</translation>
    </message>
    <message>
        <source>The report could not be saved as %1: the PDF could not be written.</source>
        <translation>گزارش در %1 ذخیره نشد: فایل PDF نوشته نشد.</translation>
    </message>
    <message>
        <source>Social Security Organization</source>
        <translation>سازمان تأمین اجتماعی</translation>
    </message>
    <message>
        <source>Daily report of branch %1</source>
        <translation>گزارش روزانهٔ شعبهٔ %1</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>آمار تا %1</translation>
    </message>
    <message>
        <source>Activations by staff</source>
        <translation>فعال‌سازی‌های کارکنان</translation>
    </message>
    <message>
        <source>Automatic activations (verification)</source>
        <translation>فعال‌سازی‌های خودکار (احراز هویت)</translation>
    </message>
    <message>
        <source>Waiting requests</source>
        <translation>درخواست‌های در انتظار</translation>
    </message>
    <message>
        <source>Oldest waiting case</source>
        <translation>قدیمی‌ترین پروندهٔ در انتظار</translation>
    </message>
    <message>
        <source>%1 (%2, since %3)</source>
        <translation>%1 (%2، از %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ندارد</translation>
    </message>
    <message>
        <source>The day at a glance</source>
        <translation>کارکرد روز</translation>
    </message>
    <message>
        <source>Activations per staff member</source>
        <translation>فعال‌سازی‌ها به تفکیک کارمند</translation>
    </message>
    <message>
        <source>No activation by staff on this day.</source>
        <translation>در این روز هیچ فعال‌سازی‌ای به دست کارکنان انجام نشد.</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>فعال‌سازی‌ها</translation>
    </message>
    <message>
        <source>Requests per status (all days)</source>
        <translation>درخواست‌ها به تفکیک وضعیت (همهٔ روزها)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>درخواست‌ها</translation>
    </message>
    <message>
        <source>Sync with the central database</source>
        <translation>همگام‌سازی با پایگاه دادهٔ مرکزی</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>تغییرات در انتظار ارسال</translation>
    </message>
    <message>
        <source>Oldest waiting change</source>
        <translation>قدیمی‌ترین تغییر در انتظار</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>راه‌اندازی نشده</translation>
    </message>
    <message>
        <source>online</source>
        <translation>برخط</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>آفلاین</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>آخرین همگام‌سازی موفق</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>آخرین خطا</translation>
    </message>
</context>
<context>
    <name>branch::ui::FirstRunDialog</name>
    <message>
        <source>This branch database has no staff account yet, so nobody can sign in. Create the branch&apos;s first administrator; the administrator then adds the clerks and supervisors.</source>
        <translation>این پایگاه دادهٔ شعبه هنوز هیچ حساب کارمندی ندارد و کسی نمی‌تواند وارد شود. نخستین مدیر سیستم شعبه را بسازید؛ سپس مدیر سیستم کارمندان و سرپرستان را می‌افزاید.</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>شعبه:</translation>
    </message>
    <message>
        <source>There is no branch database on this computer yet. Enter this branch&apos;s code and create its first administrator: the database is created at the path below, then you sign in.</source>
        <translation>هنوز هیچ پایگاه دادهٔ شعبه‌ای روی این رایانه نیست. کد این شعبه را وارد کنید و نخستین مدیر سیستم آن را بسازید: پایگاه داده در مسیر زیر ساخته می‌شود و سپس وارد می‌شوید.</translation>
    </message>
    <message>
        <source>&amp;Set up the branch</source>
        <translation>راه‌اندازی شعبه</translation>
    </message>
</context>
<context>
    <name>branch::ui::LoginDialog</name>
    <message>
        <source>Clerk</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>مدیر سیستم</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;ورود</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Session locked — BranchDesk</source>
        <translation>قفل نشست — BranchDesk</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>نشست قفل شد</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>با&amp;زکردن قفل</translation>
    </message>
    <message>
        <source>&amp;Quit BranchDesk</source>
        <translation>خر&amp;وج از BranchDesk</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>نام کاربری و گذرواژهٔ خود را وارد کنید.</translation>
    </message>
    <message>
        <source>Only %1 can unlock this session.</source>
        <translation>فقط %1 می‌تواند قفل این نشست را باز کند.</translation>
    </message>
    <message>
        <source>%1 (demo database)</source>
        <translation>%1 (پایگاه دادهٔ نمایشی)</translation>
    </message>
    <message>
        <source>The session is locked (the desk was idle, or Lock now was chosen). Only %1 can unlock it: enter the password to continue.</source>
        <translation>نشست قفل شد (میز کار مدتی بی‌کار ماند، یا «قفل کردن هم‌اکنون» انتخاب شد). فقط %1 می‌تواند آن را باز کند: برای ادامه گذرواژه را وارد کنید.</translation>
    </message>
</context>
<context>
    <name>branch::ui::MainWindow</name>
    <message>
        <source>BranchDesk — branch %1</source>
        <translation>BranchDesk — شعبهٔ %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>درخواست‌ها</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>پایگاه داده: %1</translation>
    </message>
    <message>
        <source>Applicant %1</source>
        <translation>متقاضی %1</translation>
    </message>
    <message>
        <source>Find applicant</source>
        <translation>جست‌وجوی متقاضی</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>میز کا&amp;ر</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>متقاضی (&amp;م)</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>کاربر: %1 (%2)</translation>
    </message>
    <message>
        <source>Offline — changes waiting to sync: %1</source>
        <translation>آفلاین — تغییرات در انتظار همگام‌سازی: %1</translation>
    </message>
    <message>
        <source>This desk works on its own database; changes are sent to the central database when sync runs.</source>
        <translation>این میز با پایگاه داده‌ی خودش کار می‌کند؛ تغییرات هنگام همگام‌سازی به پایگاه داده‌ی مرکزی فرستاده می‌شود.</translation>
    </message>
    <message>
        <source>Done for %1: %2</source>
        <translation>انجام شد برای %1: %2</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <source>The language changes the next time BranchDesk starts.</source>
        <translation>زبان از اجرای بعدی BranchDesk تغییر می‌کند.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>همگام‌سازی اکنون</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <source>Syncing… — changes waiting: %1</source>
        <translation>در حال همگام‌سازی… — تغییرات در انتظار: %1</translation>
    </message>
    <message>
        <source>Online — last sync %1 — changes waiting: %2</source>
        <translation>برخط — آخرین همگام‌سازی %1 — تغییرات در انتظار: %2</translation>
    </message>
    <message>
        <source>Offline — changes waiting to sync: %1 — last sync: %2</source>
        <translation>آفلاین — تغییرات در انتظار همگام‌سازی: %1 — آخرین همگام‌سازی: %2</translation>
    </message>
    <message>
        <source>Syncs with the central database every few minutes; F9 syncs now.</source>
        <translation>هر چند دقیقه با پایگاه داده‌ی مرکزی همگام می‌شود؛ F9 همین حالا همگام می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Register a person…</source>
        <translation>ثبت نا&amp;م متقاضی…</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;داشبورد</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>صف بر&amp;رسی</translation>
    </message>
    <message>
        <source>SMS could not be sent now: %1</source>
        <translation>پیامک‌ها اکنون فرستاده نشد: %1</translation>
    </message>
    <message>
        <source>SMS are sent from this desk as soon as they are queued.</source>
        <translation>پیامک‌ها به محض ثبت در صف از همین میز کار فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>SMS are sent by the branch&apos;s scheduled delivery (branchctl sms send).</source>
        <translation>پیامک‌ها با ارسال زمان‌بندی‌شده شعبه (branchctl sms send) فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ر&amp;اهنما</translation>
    </message>
    <message>
        <source>&amp;About BranchDesk…</source>
        <translation>&amp;دربارهٔ BranchDesk…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>پشتیبا&amp;ن‌گیری هم‌اکنون</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>پشتیبان‌گیری انجام نشد: %1</translation>
    </message>
    <message>
        <source>%1 changes made at this desk have not reached the central database; the oldest is from %2, more than %3 hours ago. They are safe in this desk&apos;s database and its backups, but no other branch sees them yet. Tell the branch&apos;s IT support that this desk cannot sync.</source>
        <translation>%1 تغییری که در این میز انجام شده هنوز به پایگاه دادهٔ مرکزی نرسیده است؛ قدیمی‌ترین آن‌ها مربوط به %2 است، بیش از %3 ساعت پیش. این تغییرها در پایگاه دادهٔ این میز و پشتیبان‌های آن امن‌اند، اما هنوز هیچ شعبهٔ دیگری آن‌ها را نمی‌بیند. به پشتیبانی فناوری اطلاعات شعبه خبر دهید که این میز همگام نمی‌شود.</translation>
    </message>
    <message>
        <source>Backing up… %1</source>
        <translation>در حال پشتیبان‌گیری… %1</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>آخرین پشتیبان: %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>هنوز پشتیبانی گرفته نشده</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>پشتیبان‌گیری ناموفق بود</translation>
    </message>
    <message>
        <source>Backups go to %1.</source>
        <translation>پشتیبان‌ها در %1 نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>The backups are on the same disk as the database: they protect against a deleted or damaged file, not against a dead disk. Ask IT support to set a backup folder on a USB stick or a network share.</source>
        <translation>پشتیبان‌ها روی همان دیسکِ پایگاه داده‌اند: در برابر پاک‌شدن یا آسیب‌دیدن پرونده محافظت می‌کنند، نه در برابر ازکارافتادن دیسک. از پشتیبانی فناوری اطلاعات بخواهید پوشهٔ پشتیبان را روی حافظهٔ USB یا پوشهٔ اشتراکی شبکه بگذارد.</translation>
    </message>
    <message>
        <source>Backing up the changes not sent yet before closing…</source>
        <translation>پیش از بستن، از تغییرهای ارسال‌نشده پشتیبان گرفته می‌شود…</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (از %2)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>قفل کر&amp;دن هم‌اکنون</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>خر&amp;وج از حساب</translation>
    </message>
    <message>
        <source>The language changes when BranchDesk starts again. Restart now? Open forms are closed first; nothing that was saved is lost.</source>
        <translation>زبان با راه‌اندازی دوبارهٔ BranchDesk تغییر می‌کند. اکنون دوباره راه‌اندازی شود؟ فرم‌های باز پیش از آن بسته می‌شوند؛ هیچ چیز ذخیره‌شده‌ای از دست نمی‌رود.</translation>
    </message>
    <message>
        <source>Sync refused: this desk&apos;s audit log does not continue the central database&apos;s copy — head office has been told — changes waiting: %1</source>
        <translation>همگام‌سازی پذیرفته نشد: گزارش ممیزی این میز دنبالهٔ نسخهٔ پایگاه دادهٔ مرکزی نیست — به ستاد خبر داده شد — تغییرهای در انتظار: %1</translation>
    </message>
</context>
<context>
    <name>branch::ui::MobileChangeDialog</name>
    <message>
        <source>This is already the account&apos;s mobile number.</source>
        <translation>این شماره همین حالا شماره همراه حساب است.</translation>
    </message>
    <message>
        <source>New mobile</source>
        <translation>شماره همراه جدید</translation>
    </message>
    <message>
        <source>Change the mobile number of %1 to %2?</source>
        <translation>شماره همراه %1 به %2 تغییر کند؟</translation>
    </message>
    <message>
        <source>Change mobile</source>
        <translation>تغییر شماره همراه</translation>
    </message>
</context>
<context>
    <name>branch::ui::PasswordResetDialog</name>
    <message>
        <source>Reset the password of %1 %2 (national code %3)? The old password stops working at once.</source>
        <translation>گذرواژهٔ %1 %2 (کد ملی %3) بازنشانی شود؟ گذرواژهٔ قبلی بی‌درنگ از کار می‌افتد.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>بازنشانی گذرواژه</translation>
    </message>
</context>
<context>
    <name>branch::ui::PasswordRulesChecklist</name>
    <message>
        <source>Password rules</source>
        <translation>شرایط گذرواژه</translation>
    </message>
    <message>
        <source>Password strength:</source>
        <translation>قدرت گذرواژه:</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>برآورده شده</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>برآورده نشده</translation>
    </message>
</context>
<context>
    <name>branch::ui::QuestionsResetDialog</name>
    <message>
        <source>Replace the security questions of %1 %2 (national code %3)? The old answers stop working at once.</source>
        <translation>پرسش‌های امنیتی %1 %2 (کد ملی %3) با پرسش‌های تازه جایگزین شود؟ پاسخ‌های قبلی بی‌درنگ از کار می‌افتند.</translation>
    </message>
    <message>
        <source>Reset security questions</source>
        <translation>بازنشانی پرسش‌های امنیتی</translation>
    </message>
</context>
<context>
    <name>branch::ui::Receipt</name>
    <message>
        <source>Account activated at the branch</source>
        <translation>فعال‌سازی حساب در شعبه</translation>
    </message>
    <message>
        <source>Registration request refused at the branch</source>
        <translation>رد درخواست ثبت‌نام در شعبه</translation>
    </message>
    <message>
        <source>Mobile number changed at the branch</source>
        <translation>تغییر شمارهٔ همراه در شعبه</translation>
    </message>
    <message>
        <source>Password reset at the branch</source>
        <translation>بازنشانی گذرواژه در شعبه</translation>
    </message>
    <message>
        <source>Security questions reset at the branch</source>
        <translation>بازنشانی پرسش‌های امنیتی در شعبه</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>On the receipt: %1 is the date, %2 the time (hh:mm).</extracomment>
        <translation>%1، ساعت %2</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>تاریخ و ساعت</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>شعبه</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>متقاضی</translation>
    </message>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>Social Security Organization</source>
        <translation>سازمان تأمین اجتماعی</translation>
    </message>
    <message>
        <source>BranchDesk receipt</source>
        <translation>رسید BranchDesk</translation>
    </message>
    <message>
        <source>Branch %1</source>
        <translation>شعبهٔ %1</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>امضای متقاضی:</translation>
    </message>
    <message>
        <source>No file name was given for the receipt.</source>
        <translation>نامی برای فایل رسید داده نشده است.</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1 is a folder.</source>
        <translation>رسید ذخیره نشد: %1 یک پوشه است.</translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: the folder %2 cannot be written to.</source>
        <translation>رسید در %1 ذخیره نشد: در پوشهٔ %2 نمی‌توان نوشت.</translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: the PDF could not be written.</source>
        <translation>رسید در %1 ذخیره نشد: نوشتن فایل PDF ممکن نشد.</translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: the file could not be replaced.</source>
        <translation>رسید در %1 ذخیره نشد: جایگزینی فایل ممکن نشد.</translation>
    </message>
    <message>
        <source>Password recovered at the branch</source>
        <translation>بازیابی گذرواژه در شعبه</translation>
    </message>
    <message>
        <source>Account recovered at the branch after a document check</source>
        <translation>بازیابی حساب در شعبه پس از بررسی مدارک</translation>
    </message>
    <message>
        <source>Registration request submitted at the branch</source>
        <translation>ثبت درخواست ثبت‌نام در شعبه</translation>
    </message>
    <message>
        <source>Tracking code</source>
        <translation>کد رهگیری</translation>
    </message>
</context>
<context>
    <name>branch::ui::ReceiptDialog</name>
    <message>
        <source>Print preview — receipt</source>
        <translation>پیش‌نمایش چاپ — رسید</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>ذخیرهٔ رسید به‌صورت PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt was saved as %1.</source>
        <translation>رسید در %1 ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>branch::ui::RecoveryDialog</name>
    <message>
        <source>Tries left: %1.</source>
        <translation>تلاش‌های باقی‌مانده: %1.</translation>
    </message>
    <message>
        <source>Neither the SMS code nor the questions: check the originals of the documents below and tick them. Then the person types a new password, chooses new security questions, or both.</source>
        <translation>بدون شناسه پیامکی و سؤال‌های امنیتی: اصل مدارک زیر را بررسی و علامت بزنید. سپس متقاضی گذرواژه جدید وارد می‌کند، سؤال‌های امنیتی جدید برمی‌گزیند، یا هر دو.</translation>
    </message>
    <message>
        <source>&amp;Recover at the branch</source>
        <translation>با&amp;زیابی در شعبه</translation>
    </message>
    <message>
        <source>The code is right. Ask the person to type the new password themselves.</source>
        <translation>شناسه درست است. از متقاضی بخواهید گذرواژه جدید را خودش وارد کند.</translation>
    </message>
    <message>
        <source>The answers are right. Ask the person to type the new password themselves.</source>
        <translation>پاسخ‌ها درست است. از متقاضی بخواهید گذرواژه جدید را خودش وارد کند.</translation>
    </message>
    <message>
        <source>Set the new &amp;password</source>
        <translation>ثبت گذ&amp;رواژه جدید</translation>
    </message>
    <message>
        <source>Tick every document first.</source>
        <translation>نخست همه مدارک را علامت بزنید.</translation>
    </message>
    <message>
        <source>Choose a new password, new security questions, or both.</source>
        <translation>گذرواژه جدید، سؤال‌های امنیتی جدید، یا هر دو را انتخاب کنید.</translation>
    </message>
    <message>
        <source>password and security questions</source>
        <translation>گذرواژه و سؤال‌های امنیتی</translation>
    </message>
    <message>
        <source>password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>security questions</source>
        <translation>سؤال‌های امنیتی</translation>
    </message>
    <message>
        <source>Documents checked</source>
        <translation>مدارک بررسی‌شده</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>تازه‌شده</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>Identity proved by</source>
        <translation>احراز هویت با</translation>
    </message>
    <message>
        <source>the SMS code sent to %1</source>
        <translation>شناسه پیامک‌شده به %1</translation>
    </message>
    <message>
        <source>the answers to the security questions</source>
        <translation>پاسخ سؤال‌های امنیتی</translation>
    </message>
    <message>
        <source>Set the new password of %1?</source>
        <translation>گذرواژه جدید %1 ثبت شود؟</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>ثبت گذرواژه</translation>
    </message>
    <message>
        <source>Recover the account of %1 after the document check? What is renewed takes effect at once.</source>
        <translation>حساب %1 پس از بررسی مدارک بازیابی شود؟ آنچه تازه می‌شود بی‌درنگ اعمال می‌شود.</translation>
    </message>
    <message>
        <source>No SMS gateway is set up at this desk, so no code can be sent. Use the security questions or the identity documents.</source>
        <translation>در این میز هیچ درگاه پیامکی راه‌اندازی نشده است، بنابراین شناسه‌ای فرستاده نمی‌شود. از سؤال‌های امنیتی یا مدارک هویتی استفاده کنید.</translation>
    </message>
    <message>
        <source>Sending the code to %1…</source>
        <translation>در حال فرستادن شناسه به %1…</translation>
    </message>
    <message>
        <source>An SMS with a 6-digit code was sent to %1. Ask the person to read the code from their phone; it is valid until %2 (20 minutes).</source>
        <translation>پیامکی با شناسه ۶ رقمی به %1 فرستاده شد. از متقاضی بخواهید شناسه را از روی گوشی‌اش بخواند؛ این شناسه تا ساعت %2 (۲۰ دقیقه) معتبر است.</translation>
    </message>
</context>
<context>
    <name>branch::ui::RefusalDialog</name>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Refuse the request of %1? The person will have to register again.</source>
        <translation>درخواست %1 رد شود؟ متقاضی باید دوباره ثبت‌نام کند.</translation>
    </message>
    <message>
        <source>Refuse request</source>
        <translation>رد درخواست</translation>
    </message>
</context>
<context>
    <name>branch::ui::RegistrationWizard</name>
    <message>
        <source>&amp;Next step</source>
        <translation>مرحله بعد</translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation>مرحله قبل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>&amp;Open the applicant</source>
        <translation>نمایش متقاضی</translation>
    </message>
    <message>
        <source>&amp;Confirm and send request</source>
        <translation>تایید و ارسال &amp;درخواست</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>Password conditions:</source>
        <translation>وضعیت شرایط گذرواژه:</translation>
    </message>
    <message>
        <source>This person already has an active account: use password recovery or a reset at the counter instead of registering again.</source>
        <translation>این شخص حساب کاربری فعال دارد: به جای ثبت نام دوباره، از بازیابی گذرواژه یا بازنشانی در پیشخوان استفاده کنید.</translation>
    </message>
    <message>
        <source>Your request was registered successfully, and the result of the steps taken will be sent by SMS.</source>
        <translation>درخواست شما با موفقیت ثبت گردید و نتیجه مراحل انجام شده از طریق پیامک ارسال خواهد شد.</translation>
    </message>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation>شماره شناسنامه</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ندارد)</translation>
    </message>
    <message>
        <source>First security question (%1)</source>
        <translation>سوال امنیتی اول (%1)</translation>
    </message>
    <message>
        <source>Second security question (%1)</source>
        <translation>سوال امنیتی دوم (%1)</translation>
    </message>
    <message>
        <source>Third security question (%1)</source>
        <translation>سوال امنیتی سوم (%1)</translation>
    </message>
    <message>
        <source>Discard what was typed for this person? Nothing has been stored.</source>
        <translation>آنچه برای این شخص وارد شده کنار گذاشته شود؟ چیزی ذخیره نشده است.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>کنار گذاشتن</translation>
    </message>
    <message>
        <source>Tracking code: %1
The result of the check is sent by SMS to %2.</source>
        <translation>کد رهگیری: %1
نتیجه بررسی از طریق پیامک به شماره %2 ارسال خواهد شد.</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>نتیجه بررسی</translation>
    </message>
    <message>
        <source>Sent by SMS to %1</source>
        <translation>از طریق پیامک به شماره %1 ارسال می‌شود</translation>
    </message>
</context>
<context>
    <name>branch::ui::RestoreDialog</name>
    <message>
        <source>There is no branch database at %1, but backups of this desk&apos;s database were found. Restore the newest one unless you know another is right; an administrator signs in to do it.</source>
        <translation>در %1 پایگاه دادهٔ شعبه‌ای نیست، اما پشتیبان‌هایی از پایگاه دادهٔ این میز پیدا شد. تازه‌ترین را بازگردانید، مگر آنکه بدانید پشتیبان دیگری درست است؛ برای این کار مدیر سامانه وارد می‌شود.</translation>
    </message>
    <message>
        <source>The branch database at %1 is damaged and cannot be opened. Restore a backup: the damaged file is kept aside, not deleted. An administrator signs in to do it.</source>
        <translation>پایگاه دادهٔ شعبه در %1 آسیب دیده است و باز نمی‌شود. یک پشتیبان را بازگردانید: پروندهٔ آسیب‌دیده کنار گذاشته می‌شود، نه پاک. برای این کار مدیر سامانه وارد می‌شود.</translation>
    </message>
    <message>
        <source>%1 — branch %2 — %3</source>
        <translation>%1 — شعبهٔ %2 — %3</translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation>نخست یک پشتیبان برگزینید.</translation>
    </message>
    <message>
        <source>An administrator&apos;s login and password are needed.</source>
        <translation>نام کاربری و گذرواژهٔ مدیر سامانه لازم است.</translation>
    </message>
    <message>
        <source>The backup is in place.</source>
        <translation>پشتیبان در جای خود گذاشته شد.</translation>
    </message>
    <message>
        <source>The backup is in place. %1 actions done after it are not in it; what had reached the central database comes back with the next sync, the rest is only in the file kept aside (%2).</source>
        <translation>پشتیبان در جای خود گذاشته شد. %1 کاری که پس از آن انجام شده در آن نیست؛ آنچه به پایگاه دادهٔ مرکزی رسیده بود با همگام‌سازی بعدی برمی‌گردد و بقیه فقط در پروندهٔ کنارگذاشته‌شده است (%2).</translation>
    </message>
</context>
<context>
    <name>branch::ui::ReviewProposalDialog</name>
    <message>
        <source>%1 %2 — national code %3</source>
        <translation>%1 %2 — کد ملی %3</translation>
    </message>
    <message>
        <source>Write the identity data as it stands on the documents you saw. After another supervisor approves, the request is corrected and the account activated.</source>
        <translation>اطلاعات هویتی را همان‌طور که در مدارک دیده‌اید بنویسید. پس از تأیید سرپرستی دیگر، درخواست اصلاح و حساب کاربری فعال می‌شود.</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>نا&amp;م:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>نام خانو&amp;ادگی:</translation>
    </message>
    <message>
        <source>Birth &amp;certificate number:</source>
        <translation>شمار&amp;ه شناسنامه:</translation>
    </message>
    <message>
        <source>Birth &amp;date (Jalali):</source>
        <translation>تا&amp;ریخ تولد (شمسی):</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>جنسیت:</translation>
    </message>
    <message>
        <source>The request ends and the person is told by SMS to register again. A note for the approving supervisor is optional.</source>
        <translation>درخواست پایان می‌یابد و با پیامک به شخص گفته می‌شود دوباره ثبت‌نام کند. یادداشت برای سرپرست تأییدکننده اختیاری است.</translation>
    </message>
    <message>
        <source>The request ends without activation. Write the reason; it stays in the history.</source>
        <translation>درخواست بدون فعال‌سازی پایان می‌یابد. دلیل را بنویسید؛ در سابقه می‌ماند.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>دلیل &amp;رد:</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>یادد&amp;اشت (اختیاری):</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>پیشنها&amp;د</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Propose &quot;%1&quot; for %2 %3? Another supervisor must approve it before anything changes.</source>
        <translation>«%1» برای %2 %3 پیشنهاد شود؟ پیش از هر تغییری سرپرست دیگری باید آن را تأیید کند.</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>پیشنهاد</translation>
    </message>
</context>
<context>
    <name>branch::ui::ReviewQueuePage</name>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>In queue since</source>
        <translation>در صف از</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>پیشنهاد</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>مورد</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <source>Civil registry</source>
        <translation>ثبت احوال</translation>
    </message>
    <message>
        <source>Same?</source>
        <translation>یکسان؟</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>از</translation>
    </message>
    <message>
        <source>This branch</source>
        <translation>این شعبه</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>مرکزی</translation>
    </message>
    <message>
        <source>No central database is set up for this desk, so there are no sync conflicts to show.</source>
        <translation>برای این میز پایگاه مرکزی تنظیم نشده است، پس تعارض همگام‌سازی‌ای برای نمایش نیست.</translation>
    </message>
    <message>
        <source>Changes of this branch that the central database could not merge by its rules. Load them (this asks the central database), compare both versions, keep one.</source>
        <translation>تغییرهای این شعبه که پایگاه مرکزی نتوانست طبق قواعدش ادغام کند. آن‌ها را بخوانید (از پایگاه مرکزی پرسیده می‌شود)، دو نسخه را مقایسه و یکی را نگه دارید.</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 ساعت</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 روز</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1 (از %2)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>هنوز نه</translation>
    </message>
    <message>
        <source>Supervisor review queue — %1 cases</source>
        <translation>صف بررسی سرپرست — %1 پرونده</translation>
    </message>
    <message>
        <source>No case is waiting for a review.</source>
        <translation>پرونده‌ای در انتظار بررسی نیست.</translation>
    </message>
    <message>
        <source>%1 %2 — national code %3 — mobile %4</source>
        <translation>%1 %2 — کد ملی %3 — تلفن همراه %4</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation>شماره شناسنامه</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>(no entry)</source>
        <translation>(بدون مورد)</translation>
    </message>
    <message>
        <source>✗ differs</source>
        <translation>✗ متفاوت</translation>
    </message>
    <message>
        <source>✓ same</source>
        <translation>✓ یکسان</translation>
    </message>
    <message>
        <source>The same for the verification: only letter forms or spacing differ.</source>
        <translation>از نظر احراز یکسان است: فقط شکل حروف یا فاصله‌ها فرق دارد.</translation>
    </message>
    <message>
        <source>✓ same (letter forms)</source>
        <translation>✓ یکسان (شکل حروف)</translation>
    </message>
    <message>
        <source>The civil registry has no entry for this national code: the request cannot be activated by a correction.</source>
        <translation>ثبت احوال برای این کد ملی موردی ندارد: درخواست با اصلاح فعال نمی‌شود.</translation>
    </message>
    <message>
        <source>No proposal yet. Propose a decision; another supervisor approves it.</source>
        <translation>هنوز پیشنهادی نیست. تصمیمی پیشنهاد دهید؛ سرپرست دیگری آن را تأیید می‌کند.</translation>
    </message>
    <message>
        <source>There is no proposal to approve.</source>
        <translation>پیشنهادی برای تأیید نیست.</translation>
    </message>
    <message>
        <source>Proposed by %1 on %2: %3.</source>
        <translation>پیشنهاد %1 در %2: %3.</translation>
    </message>
    <message>
        <source>Corrections: %1.</source>
        <translation>اصلاح‌ها: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>دلیل: %1</translation>
    </message>
    <message>
        <source>You made this proposal: another supervisor must approve it (four eyes).</source>
        <translation>این پیشنهاد را خودتان داده‌اید: سرپرست دیگری باید آن را تأیید کند (اصل چهار چشم).</translation>
    </message>
    <message>
        <source>Apply this proposal (it is audited in your name).</source>
        <translation>اجرای این پیشنهاد (به نام شما در گزارش ممیزی ثبت می‌شود).</translation>
    </message>
    <message>
        <source>Proposal stored; it waits for another supervisor&apos;s approval.</source>
        <translation>پیشنهاد ثبت شد؛ در انتظار تأیید سرپرستی دیگر است.</translation>
    </message>
    <message>
        <source>Approve proposal</source>
        <translation>تأیید پیشنهاد</translation>
    </message>
    <message>
        <source>Approve &quot;%1&quot; for %2 %3, proposed by %4? It is applied at once.</source>
        <translation>«%1» برای %2 %3، پیشنهاد %4، تأیید شود؟ بی‌درنگ اجرا می‌شود.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <source>Approved: the request of %1 is now &quot;%2&quot;.</source>
        <translation>تأیید شد: وضعیت درخواست %1 اکنون «%2» است.</translation>
    </message>
    <message>
        <source>No open sync conflicts.</source>
        <translation>تعارض همگام‌سازی بازی نیست.</translation>
    </message>
    <message>
        <source>%1 open conflicts, oldest first.</source>
        <translation>%1 تعارض باز، قدیمی‌ترین اول.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>حل تعارض</translation>
    </message>
    <message>
        <source>Keep this branch&apos;s version? Your password to confirm:</source>
        <translation>نسخه این شعبه نگه داشته شود؟ برای تأیید گذرواژه خود را وارد کنید:</translation>
    </message>
    <message>
        <source>Keep the central version? Your password to confirm:</source>
        <translation>نسخه مرکزی نگه داشته شود؟ برای تأیید گذرواژه خود را وارد کنید:</translation>
    </message>
    <message>
        <source>Conflict resolved; the decision was pulled to this branch.</source>
        <translation>تعارض حل شد؛ تصمیم به این شعبه آورده شد.</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>اصلاح</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>بازگرداندن</translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>%1 becomes %2</source>
        <translation>%1 می‌شود %2</translation>
    </message>
    <message>
        <source>Asking the central database…</source>
        <translation>در حال پرسش از پایگاه داده مرکزی…</translation>
    </message>
</context>
<context>
    <name>branch::ui::SaveFileDialog</name>
    <message>
        <source>%1 is the branch database (or one of its files) and cannot be replaced. Choose another name or folder.</source>
        <translation>%1 پایگاه دادهٔ شعبه (یا یکی از پرونده‌های آن) است و نمی‌توان آن را جایگزین کرد. نام یا پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>branch::ui::SearchPage</name>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Find applicant</source>
        <translation>یافتن متقاضی</translation>
    </message>
    <message>
        <source>The first %1 results are shown; type more to narrow the search.</source>
        <translation>%1 نتیجهٔ نخست نشان داده شده است؛ برای محدودکردن جست‌وجو بیشتر بنویسید.</translation>
    </message>
    <message>
        <source>No applicant found.</source>
        <translation>متقاضی‌ای پیدا نشد.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s)</source>
        <translation>
            <numerusform>%Ln نتیجه</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for this person at the central database…</source>
        <translation>در حال جست‌وجوی این شخص در پایگاه داده مرکزی…</translation>
    </message>
    <message>
        <source>Nobody held at this branch has this national code or mobile number. Press Enter to look for them at the central database.</source>
        <translation>در این شعبه کسی با این کد ملی یا شماره تلفن همراه نیست. برای جست‌وجو در پایگاه داده مرکزی Enter را بزنید.</translation>
    </message>
    <message>
        <source>Type a national code, a mobile number, a tracking code or a name.</source>
        <translation>کد ملی، شمارهٔ همراه، کد رهگیری یا نام را بنویسید.</translation>
    </message>
</context>
</TS>
