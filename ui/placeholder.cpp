// Placeholder so that branchui has a source until the desk's screens land.
namespace branch::ui {
int placeholder() { return 0; }
}
