// The notice overlay: a title, a message and an OK button (CONFIRM or BACK
// closes it). Used for what the player must know but cannot act on (a
// damaged score file set aside, a read-only folder). The overlay itself is
// scene_dialog.c's.

#include "base/i18n.h"
#include "scenes/scene_dialog.h"
#include "scenes/scenes.h"

void scene_notice_push(App *app, const char *title, const char *message) {
  DialogScene *d = scene_dialog_create(title, message);
  scene_dialog_add(d, _("OK"), _("Enter"));
  d->warning = true;
  d->confirm_closes = true;
  engine_push_scene(app->engine, &scene_notice_vtable, d);
}

const SceneVTable scene_notice_vtable = SCENE_DIALOG_VTABLE("notice");
