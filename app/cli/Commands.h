// The makers of every command, by the file that holds it; Registry.cpp lists them in the
// order of the general help.
#pragma once

#include "Command.h"

namespace branch::cli
{

// DataCommands.cpp
std::unique_ptr<Command> makeInit();
std::unique_ptr<Command> makeImportRegistry();
std::unique_ptr<Command> makeImportMobileOwners();
std::unique_ptr<Command> makeDemoData();
std::unique_ptr<Command> makeUserAdd();
// RegistrationCommands.cpp
std::unique_ptr<Command> makeRegister();
std::unique_ptr<Command> makeVerify();
// SmsCommands.cpp
std::unique_ptr<Command> makeSmsList();
std::unique_ptr<Command> makeSmsSend();
// ApplicantCommands.cpp
std::unique_ptr<Command> makeApplicantsSearch();
std::unique_ptr<Command> makeApplicantsShow();
std::unique_ptr<Command> makeApplicantsFetch();
// CounterCommands.cpp
std::unique_ptr<Command> makeActivate();
std::unique_ptr<Command> makeRefuse();
std::unique_ptr<Command> makeMobileChange();
std::unique_ptr<Command> makePasswordReset();
std::unique_ptr<Command> makeQuestionsReset();
// ReportCommands.cpp
std::unique_ptr<Command> makeAuditVerify();
std::unique_ptr<Command> makeReportDaily();
// KeepingCommands.cpp
std::unique_ptr<Command> makeBackup();
std::unique_ptr<Command> makeBackupList();
std::unique_ptr<Command> makeRestore();
std::unique_ptr<Command> makeStatus();
// RecoveryCommands.cpp
std::unique_ptr<Command> makeRecoverStart();
std::unique_ptr<Command> makeRecoverVerify();
std::unique_ptr<Command> makeRecoverReset();
// CentralCommands.cpp
std::unique_ptr<Command> makeCentralInit();
std::unique_ptr<Command> makeCentralAddBranch();
std::unique_ptr<Command> makeCentralStatus();
std::unique_ptr<Command> makeCentralAuditVerify();
// SyncCommands.cpp
std::unique_ptr<Command> makeSync();
std::unique_ptr<Command> makeConflictsList();
std::unique_ptr<Command> makeConflictsResolve();
// ReviewCommands.cpp
std::unique_ptr<Command> makeReviewList();
std::unique_ptr<Command> makeReviewPropose();
std::unique_ptr<Command> makeReviewApprove();

} // namespace branch::cli
