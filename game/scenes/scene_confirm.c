// A yes/no question over the current screen ("Quit this round?"). The answer
// goes to a callback, called exactly once. The safe answer ("Keep playing",
// the `no` label) is the primary, focused button: Enter or a stray tap never
// does the destructive thing. The overlay itself is scene_dialog.c's.

#include "base/i18n.h"
#include "scenes/scene_dialog.h"
#include "scenes/scenes.h"

void scene_confirm_push(App *app, const char *question, const char *yes_label, const char *no_label, SceneConfirmFn fn,
                        void *user) {
  DialogScene *d = scene_dialog_create(question, NULL);
  // Start to end side: the safe answer (button 0, Back's), then the
  // destructive one (button 1, "yes").
  scene_dialog_add(d, no_label ? no_label : _("No"), _("Esc"));
  scene_dialog_add(d, yes_label ? yes_label : _("Yes"), NULL);
  d->centred = true;
  d->fn = fn;
  d->user = user;
  engine_push_scene(app->engine, &scene_confirm_vtable, d);
}

const SceneVTable scene_confirm_vtable = SCENE_DIALOG_VTABLE("confirm");
