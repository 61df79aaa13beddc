// Every branchctl command, in the order of the general help.
#include "Commands.h"

namespace branch::cli
{

const CommandList &commands()
{
    static const CommandList list = [] {
        CommandList l;
        for (auto make : {makeInit,
                          makeImportRegistry,
                          makeImportMobileOwners,
                          makeDemoData,
                          makeUserAdd,
                          makeRegister,
                          makeVerify,
                          makeSmsList,
                          makeSmsSend,
                          makeApplicantsSearch,
                          makeApplicantsShow,
                          makeApplicantsFetch,
                          makeActivate,
                          makeRefuse,
                          makeMobileChange,
                          makePasswordReset,
                          makeQuestionsReset,
                          makeAuditVerify,
                          makeBackup,
                          makeBackupList,
                          makeRestore,
                          makeStatus,
                          makeReportDaily,
                          makeRecoverStart,
                          makeRecoverVerify,
                          makeRecoverReset,
                          makeCentralInit,
                          makeCentralAddBranch,
                          makeCentralStatus,
                          makeCentralAuditVerify,
                          makeSync,
                          makeConflictsList,
                          makeConflictsResolve,
                          makeReviewList,
                          makeReviewPropose,
                          makeReviewApprove}) {
            l.push_back(make());
            l.back()->declareStaffOption();
        }
        return l;
    }();
    return list;
}

} // namespace branch::cli
