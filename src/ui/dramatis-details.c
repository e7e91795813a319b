/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "dramatis-details.h"
#include "dramatis-source-window.h"

/* The pane beside the views that tells everything the story holds about
 * one item: who an actor is and what they said, when and where an event
 * happened and who took part, what a relation rests on.  Every quote and
 * every fact leads back to its passage in the source, so that a reader can
 * check it.
 *
 * The page is rebuilt for each item: a page is a few dozen widgets, which
 * costs less than keeping a list model in step with a story that changes
 * under it.  The pane does not navigate by itself: a row the user activates
 * emits DramatisDetails::item-selected, and whoever keeps the selection
 * calls dramatis_details_show_item(), so that the views and the pane move
 * together.
 */

struct _DramatisDetails
{
  GtkWidget          parent_instance;

  DramatisStory     *story;

  /* The item asked for, and the page shown for it: a statement is shown on
   * its speaker's page.
   */
  DramatisItem       item;
  DramatisItem       page;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  AdwClamp          *clamp;
  GtkBox            *content;
  GtkWidget         *first_list;          /* in content, for the keyboard focus */

  guint              n_statements;
  GHashTable        *statement_widgets;   /* statement index → its list, in content */
  GtkWidget         *highlighted;
  guint              scroll_tick_id;
  guint              scroll_frames;

  DramatisItem       activated;
  guint              activated_idle_id;

  /* Colours the avatars as the diagrams colour each kind of actor. */
  GtkCssProvider    *kind_colors;
};

G_DEFINE_FINAL_TYPE (DramatisDetails, dramatis_details, GTK_TYPE_WIDGET)

enum {
  ITEM_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Frames to wait for a new page to be laid out before giving up scrolling
 * to a statement on it.
 */
#define MAX_SCROLL_FRAMES 10

/* Statements, passages and descriptions are prose: past this width lines
 * grow too long to read comfortably.
 */
#define MAX_CONTENT_WIDTH 600

/* Characters of a quote that name it to a screen reader. */
#define EXCERPT_LENGTH 40

#define ITEM_KIND_KEY  "dramatis-item-kind"
#define ITEM_INDEX_KEY "dramatis-item-index"
#define OWNER_KIND_KEY  "dramatis-owner-kind"
#define OWNER_INDEX_KEY "dramatis-owner-index"
#define EVIDENCE_KEY    "dramatis-evidence"

/* The pane's own look: the one statement the user picked stands out from
 * the others on its speaker's page.
 */
static const char details_css[] =
  "details list.boxed-list.highlighted {"
  "  box-shadow: 0 0 0 2px alpha(@accent_color, 0.75);"
  "}"
  "details .quote {"
  "  font-size: 1.05em;"
  "}";

typedef struct
{
  const char *type;
  const char *active;
  const char *passive;
} RelationPhrase;

/* How relations of the types the story format suggests read from each end.
 * A story may use any other type; it then reads as its own words.
 */
static const RelationPhrase relation_phrases[] = {
  { "accuses",         N_("accuses"),           N_("accused by") },
  { "condemns",        N_("condemns"),          N_("condemned by") },
  { "exercises_with",  N_("exercises with"),    N_("exercises with") },
  { "invades",         N_("invades"),           N_("invaded by") },
  { "leads",           N_("leads"),             N_("led by") },
  { "member_of",       N_("member of"),         N_("has member") },
  { "monitors",        N_("monitors"),          N_("monitored by") },
  { "opposes",         N_("opposes"),           N_("opposed by") },
  { "questions",       N_("questions"),         N_("questioned by") },
  { "rejects",         N_("rejects"),           N_("rejected by") },
  { "represents",      N_("represents"),        N_("represented by") },
  { "sanctions",       N_("sanctions"),         N_("sanctioned by") },
  { "sends_troops_to", N_("sends troops to"),   N_("receives troops from") },
  { "shields",         N_("shields"),           N_("shielded by") },
  { "supports",        N_("supports"),          N_("supported by") },
  { "threatens",       N_("threatens"),         N_("threatened by") },
  { "trains",          N_("trains"),            N_("trained by") },
};

static const RelationPhrase *
find_relation_phrase (const char *type)
{
  if (type == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (relation_phrases); i++)
    if (g_str_equal (relation_phrases[i].type, type))
      return &relation_phrases[i];

  return NULL;
}

/* The relation's type as words: "sends_troops_to" reads "sends troops to". */
static char *
dup_relation_active (const DramatisRelation *relation)
{
  const RelationPhrase *phrase = find_relation_phrase (relation->type);
  char *words;

  if (phrase != NULL)
    return g_strdup (_(phrase->active));

  if (relation->type == NULL || relation->type[0] == '\0')
    return g_strdup (_("related to"));

  words = g_strdup (relation->type);
  g_strdelimit (words, "_-", ' ');

  return words;
}

static const char *
actor_kind_to_label (DramatisActorKind kind)
{
  switch (kind)
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      return _("State");
    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
      return _("Organization");
    case DRAMATIS_ACTOR_KIND_PERSON:
      return _("Person");
    case DRAMATIS_ACTOR_KIND_GROUP:
      return _("Group");
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      return _("Actor");
    }
}

static const char *
actor_kind_to_icon_name (DramatisActorKind kind)
{
  switch (kind)
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      return "mark-location-symbolic";
    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
    case DRAMATIS_ACTOR_KIND_GROUP:
      return "system-users-symbolic";
    case DRAMATIS_ACTOR_KIND_PERSON:
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      return "avatar-default-symbolic";
    }
}

static const char *
precision_to_label (DramatisDatePrecision precision)
{
  switch (precision)
    {
    case DRAMATIS_DATE_PRECISION_YEAR:
      return _("known to the year");
    case DRAMATIS_DATE_PRECISION_MONTH:
      return _("known to the month");
    case DRAMATIS_DATE_PRECISION_DAY:
      return _("known to the day");
    case DRAMATIS_DATE_PRECISION_HOUR:
      return _("known to the hour");
    case DRAMATIS_DATE_PRECISION_MINUTE:
      return _("known to the minute");
    case DRAMATIS_DATE_PRECISION_SECOND:
      return _("known to the second");
    case DRAMATIS_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

/* Names are looked up at each use rather than kept: a reference the loader
 * could not resolve still shows the id the file gave.
 */
static const char *
get_actor_name (DramatisStory *story,
                guint          actor,
                const char    *fallback_id)
{
  if (actor < dramatis_story_get_n_actors (story))
    return dramatis_actor_get_label (dramatis_story_get_actor (story, actor));

  return fallback_id != NULL ? fallback_id : _("Unknown actor");
}

/* "October 30, 2024 · known to the day · partly inferred from context" */
static char *
format_span_details (const DramatisSpan *span)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dates = dramatis_span_format (span);
  guint flags = span->start.flags | span->end.flags;
  /* Translators: separates the parts of a date's description */
  const char *separator = C_("details", " · ");
  const char *precision = precision_to_label (span->start.precision);

  g_string_append (text, dates);

  if (precision != NULL)
    g_string_append_printf (text, "%s%s", separator, precision);
  if (flags & DRAMATIS_DATE_APPROXIMATE)
    g_string_append_printf (text, "%s%s", separator, _("approximate"));
  if (flags & DRAMATIS_DATE_INFERRED)
    g_string_append_printf (text, "%s%s", separator, _("partly inferred from context"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_statement_date (const DramatisDate *date)
{
  g_autofree char *text = NULL;

  if (!dramatis_date_is_set (date))
    return NULL;

  text = dramatis_date_format (date);
  if (date->flags & DRAMATIS_DATE_INFERRED)
    /* Translators: a date that is not in the source but inferred from its context */
    return g_strdup_printf (_("%s (inferred)"), text);

  return g_steal_pointer (&text);
}

/* The first words of a quote, to tell apart buttons that would otherwise
 * read the same to a screen reader.
 */
static char *
dup_excerpt (const char *text)
{
  const char *end;
  guint n_chars = 0;

  if (text == NULL)
    return g_strdup ("");

  for (end = text; *end != '\0' && n_chars < EXCERPT_LENGTH; end = g_utf8_next_char (end))
    n_chars++;

  if (*end == '\0')
    return g_strdup (text);

  /* Cut at the last space rather than within a word. */
  for (const char *p = end; p > text; p = g_utf8_prev_char (p))
    if (*p == ' ')
      {
        end = p;
        break;
      }

  /* Translators: a quote cut short */
  return g_strdup_printf (_("%.*s…"), (int) (end - text), text);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class,
              gboolean    selectable)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_avatar (const DramatisActor *actor,
               int                  size)
{
  gboolean person = actor != NULL && actor->kind == DRAMATIS_ACTOR_KIND_PERSON;
  GtkWidget *avatar = adw_avatar_new (size, actor ? dramatis_actor_get_label (actor) : NULL, person);
  g_autofree char *kind_class = g_strconcat ("actor-kind-",
                                             dramatis_actor_kind_to_string (actor ? actor->kind
                                                                                  : DRAMATIS_ACTOR_KIND_OTHER),
                                             NULL);

  gtk_widget_add_css_class (avatar, kind_class);

  /* Initials suit people; "UN" or "NK" for a state or a body would only
   * look like people.
   */
  if (!person)
    adw_avatar_set_icon_name (ADW_AVATAR (avatar),
                              actor_kind_to_icon_name (actor ? actor->kind : DRAMATIS_ACTOR_KIND_OTHER));

  return avatar;
}

static void
set_item (GObject          *object,
          DramatisItemKind  kind,
          guint             index)
{
  g_object_set_data (object, ITEM_KIND_KEY, GUINT_TO_POINTER (kind));
  g_object_set_data (object, ITEM_INDEX_KEY, GUINT_TO_POINTER (index));
}

/* A row that leads to another item: activating it emits ::item-selected. */
static GtkWidget *
create_item_row (const char       *title,
                 const char       *subtitle,
                 DramatisItemKind  kind,
                 guint             index)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean resolved = index != DRAMATIS_NO_INDEX;

  /* Titles are story text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), resolved);
  if (resolved)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      set_item (G_OBJECT (row), kind, index);
    }

  return row;
}

static GtkWidget *
create_actor_row (DramatisDetails *self,
                  guint            actor,
                  const char      *actor_id,
                  const char      *subtitle)
{
  const DramatisActor *data = NULL;
  GtkWidget *row;

  if (actor < dramatis_story_get_n_actors (self->story))
    data = dramatis_story_get_actor (self->story, actor);
  else
    actor = DRAMATIS_NO_INDEX;

  row = create_item_row (get_actor_name (self->story, actor, actor_id), subtitle,
                         DRAMATIS_ITEM_ACTOR, actor);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_avatar (data, 32));

  return row;
}

/* A property of the item: a small caption over its value, like the rows of
 * a contact card, since the values here are long and would not fit beside
 * their names.
 */
static GtkWidget *
create_property_row (const char *name,
                     const char *value,
                     const char *note)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), create_label (name, "caption", FALSE));
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
  gtk_box_append (GTK_BOX (box), create_label (value, NULL, TRUE));

  if (note != NULL && note[0] != '\0')
    {
      GtkWidget *label = create_label (note, "caption", TRUE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 3);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* A heading and a boxed list below it, like an AdwPreferencesGroup.  The
 * group is not used because it keeps widgets other than its own rows out of
 * its list, and statements need several lists under one heading.
 */
static GtkWidget *
add_section (DramatisDetails *self,
             const char      *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = create_label (title, "heading", FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (self->content, section);

  return section;
}

static gboolean
emit_item_selected_cb (gpointer user_data)
{
  DramatisDetails *self = DRAMATIS_DETAILS (user_data);
  DramatisItem item = self->activated;

  g_assert (DRAMATIS_IS_DETAILS (self));

  self->activated_idle_id = 0;
  self->activated = DRAMATIS_ITEM_INIT_NONE;
  g_signal_emit (self, signals[ITEM_SELECTED], 0, (guint) item.kind, item.index);

  return G_SOURCE_REMOVE;
}

static void
on_row_activated (DramatisDetails *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  DramatisItemKind kind;

  g_assert (DRAMATIS_IS_DETAILS (self));

  kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ITEM_KIND_KEY));
  if (kind == DRAMATIS_ITEM_NONE)
    return;

  /* Whoever handles the signal is likely to show the item at once, and so
   * to destroy this row while the list is still handling the click on it;
   * the signal waits for the list to be done.
   */
  self->activated.kind = kind;
  self->activated.index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ITEM_INDEX_KEY));
  if (self->activated_idle_id == 0)
    self->activated_idle_id = g_idle_add (emit_item_selected_cb, self);
}

static GtkWidget *
create_list (DramatisDetails *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (self->first_list == NULL)
    self->first_list = list;
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  return list;
}

static GtkWidget *
add_section_list (DramatisDetails *self,
                  const char      *title)
{
  GtkWidget *section = add_section (self, title);
  GtkWidget *list = create_list (self);

  gtk_box_append (GTK_BOX (section), list);

  return list;
}

static const DramatisEvidence *
lookup_evidence (DramatisStory    *story,
                 DramatisItemKind  kind,
                 guint             index,
                 guint             evidence,
                 guint            *n_evidence)
{
  const DramatisEvidence *all = NULL;
  guint n = 0;

  switch (kind)
    {
    case DRAMATIS_ITEM_EVENT:
      if (index < dramatis_story_get_n_events (story))
        {
          const DramatisEvent *event = dramatis_story_get_event (story, index);

          all = event->evidence;
          n = event->n_evidence;
        }
      break;

    case DRAMATIS_ITEM_RELATION:
      if (index < dramatis_story_get_n_relations (story))
        {
          const DramatisRelation *relation = dramatis_story_get_relation (story, index);

          all = relation->evidence;
          n = relation->n_evidence;
        }
      break;

    case DRAMATIS_ITEM_STATEMENT:
      if (index < dramatis_story_get_n_statements (story))
        {
          const DramatisStatement *statement = dramatis_story_get_statement (story, index);

          all = statement->evidence;
          n = statement->n_evidence;
        }
      break;

    case DRAMATIS_ITEM_ACTOR:
    case DRAMATIS_ITEM_NONE:
    default:
      break;
    }

  if (n_evidence != NULL)
    *n_evidence = n;

  return evidence < n ? &all[evidence] : NULL;
}

static void
on_show_in_source (DramatisDetails *self,
                   GtkButton       *button)
{
  const DramatisEvidence *evidence;
  GtkRoot *root;
  GtkWidget *window;

  g_assert (DRAMATIS_IS_DETAILS (self));

  if (self->story == NULL)
    return;

  /* The button keeps the item and the number of its passage, not a pointer
   * into the story, so that it can never point at a story since replaced.
   */
  evidence = lookup_evidence (self->story,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), OWNER_KIND_KEY)),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), OWNER_INDEX_KEY)),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), EVIDENCE_KEY)),
                              NULL);
  if (evidence == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = dramatis_source_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->story, evidence);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
create_source_button (DramatisDetails  *self,
                      DramatisItemKind  owner_kind,
                      guint             owner_index,
                      guint             evidence,
                      const char       *accessible_label)
{
  GtkWidget *button = gtk_button_new_with_label (_("Show in Source"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Read the passage in the full text of its source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  g_object_set_data (G_OBJECT (button), OWNER_KIND_KEY, GUINT_TO_POINTER (owner_kind));
  g_object_set_data (G_OBJECT (button), OWNER_INDEX_KEY, GUINT_TO_POINTER (owner_index));
  g_object_set_data (G_OBJECT (button), EVIDENCE_KEY, GUINT_TO_POINTER (evidence));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_in_source), self,
                           G_CONNECT_SWAPPED);

  return button;
}

/* A passage and, under it, a caption and a button at the end.  They are
 * stacked rather than side by side: in a narrow pane, and in languages
 * where the button's label is long, a caption beside it would be squeezed
 * into a column a word wide.
 */
static GtkWidget *
create_passage_row (GtkWidget  *passage,
                    const char *caption,
                    GtkWidget  *button)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 9);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), passage);

  if (caption != NULL || button != NULL)
    {
      GtkWidget *label = create_label (caption, "caption", FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (footer), label);
      if (button != NULL)
        gtk_box_append (GTK_BOX (footer), button);
      gtk_box_append (GTK_BOX (box), footer);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* A statement as its own small list: the quote with its date, and a row
 * under it that leads to the occasion (on a speaker's page) or to the
 * speaker (on an event's page).
 */
static void
add_statement (DramatisDetails *self,
               GtkWidget       *section,
               guint            index,
               gboolean         lead_to_speaker)
{
  const DramatisStatement *statement = dramatis_story_get_statement (self->story, index);
  const char *speaker = get_actor_name (self->story, statement->speaker, statement->speaker_id);
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autofree char *date = format_statement_date (&statement->date);
  g_autofree char *quoted = NULL;
  GtkWidget *list = create_list (self);
  GtkWidget *quote;
  GtkWidget *button = NULL;

  /* Translators: quotation marks around what someone said; use the ones of your language */
  quoted = g_strdup_printf (_("“%s”"), statement->text ? statement->text : "");
  quote = create_label (quoted, "quote", TRUE);

  if (date != NULL)
    g_string_append (caption, date);

  if (statement->audience < dramatis_story_get_n_actors (self->story))
    {
      const char *audience = dramatis_actor_get_label (dramatis_story_get_actor (self->story, statement->audience));

      if (caption->len > 0)
        g_string_append (caption, C_("details", " · "));
      /* Translators: whom a statement was addressed to */
      g_string_append_printf (caption, _("to %s"), audience);
    }

  if (statement->n_evidence > 0)
    {
      g_autofree char *excerpt = dup_excerpt (statement->text);
      /* Translators: the accessible name of a button that opens the source
       * of a quote; the first %s is the speaker's name, the second the
       * first words of the quote
       */
      g_autofree char *label = g_strdup_printf (_("Show %s’s statement “%s” in the source"),
                                                speaker, excerpt);

      button = create_source_button (self, DRAMATIS_ITEM_STATEMENT, index, 0, label);
    }

  /* On an event's page the speaker comes first, as in a transcript; on a
   * speaker's page the quote does, followed by where it was said.
   */
  if (lead_to_speaker)
    {
      const char *role = NULL;

      if (statement->speaker < dramatis_story_get_n_actors (self->story))
        role = dramatis_story_get_actor (self->story, statement->speaker)->role;
      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_actor_row (self, statement->speaker, statement->speaker_id, role));
    }

  gtk_list_box_append (GTK_LIST_BOX (list),
                       create_passage_row (quote, caption->len > 0 ? caption->str : NULL, button));

  if (!lead_to_speaker && (statement->event != DRAMATIS_NO_INDEX || statement->event_id != NULL))
    {
      guint event = statement->event;
      const char *name = statement->event_id;
      GtkWidget *row;

      if (event < dramatis_story_get_n_events (self->story))
        name = dramatis_event_get_label (dramatis_story_get_event (self->story, event));
      else
        event = DRAMATIS_NO_INDEX;

      row = create_item_row (name, _("Occasion"), DRAMATIS_ITEM_EVENT, event);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (section), list);
  g_hash_table_insert (self->statement_widgets, GUINT_TO_POINTER (index), list);
  self->n_statements++;
}

static void
add_statements (DramatisDetails *self,
                const guint     *statements,
                guint            n_statements,
                gboolean         lead_to_speaker)
{
  GtkWidget *section;

  if (n_statements == 0)
    return;

  section = add_section (self, _("Statements"));
  for (guint i = 0; i < n_statements; i++)
    add_statement (self, section, statements[i], lead_to_speaker);
}

static void
add_evidence (DramatisDetails        *self,
              DramatisItemKind        owner_kind,
              guint                   owner_index,
              const char             *owner_name,
              const DramatisEvidence *evidence,
              guint                   n_evidence)
{
  GtkWidget *list;

  if (n_evidence == 0)
    return;

  list = add_section_list (self, n_evidence == 1 ? _("Source Passage") : _("Source Passages"));

  for (guint i = 0; i < n_evidence; i++)
    {
      g_autofree char *text = dramatis_story_dup_evidence_text (self->story, &evidence[i]);
      g_autofree char *label = NULL;
      const char *caption = NULL;
      GtkWidget *button;

      if (evidence[i].source < dramatis_story_get_n_sources (self->story))
        {
          const DramatisSource *source = dramatis_story_get_source (self->story, evidence[i].source);

          caption = source->publisher ? source->publisher : source->title;
        }
      else
        caption = evidence[i].source_id;

      if (n_evidence == 1)
        /* Translators: the accessible name of a button that opens the source
         * of a passage; %s names what the passage is about
         */
        label = g_strdup_printf (_("Show the passage about “%s” in the source"), owner_name);
      else
        /* Translators: the accessible name of a button that opens the source
         * of one of several passages, as in "Show passage 2 of 3 about “…”
         * in the source"
         */
        label = g_strdup_printf (_("Show passage %u of %u about “%s” in the source"),
                                 i + 1, n_evidence, owner_name);
      button = create_source_button (self, owner_kind, owner_index, i, label);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_passage_row (create_label (text ? text : _("The story gives no passage."),
                                                             NULL, TRUE),
                                               caption, button));
    }
}

/* The name of the item in large type, with a line under it. */
static void
add_header (DramatisDetails     *self,
            const DramatisActor *actor,
            const char          *title,
            const char          *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;

  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (titles, TRUE);

  if (actor != NULL)
    gtk_box_append (GTK_BOX (box), create_avatar (actor, 64));

  label = create_label (title, actor != NULL ? "title-1" : "title-2", FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1,
                                  -1);
  gtk_box_append (GTK_BOX (titles), label);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = create_label (subtitle, "dim-label", FALSE);
      gtk_box_append (GTK_BOX (titles), label);
    }

  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (self->content, box);
}

static void
add_paragraph (DramatisDetails *self,
               const char      *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  gtk_box_append (self->content, create_label (text, "body", TRUE));
}

static void
build_actor_page (DramatisDetails *self,
                  guint            index)
{
  const DramatisActor *actor = dramatis_story_get_actor (self->story, index);
  const guint *items;
  guint n_items;
  g_autofree char *subtitle = NULL;
  GtkWidget *list = NULL;

  if (actor->role != NULL && actor->role[0] != '\0')
    /* Translators: an actor's kind and role, as in "Person · Ambassador to the UN" */
    subtitle = g_strdup_printf (_("%s · %s"), actor_kind_to_label (actor->kind), actor->role);
  else
    subtitle = g_strdup (actor_kind_to_label (actor->kind));

  add_header (self, actor, dramatis_actor_get_label (actor), subtitle);

  if (actor->n_other_names > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;
      GtkWidget *label;

      for (guint i = 0; i < actor->n_other_names; i++)
        {
          if (i > 0)
            /* Translators: separates the other names of an actor */
            g_string_append (names, _(", "));
          g_string_append (names, actor->other_names[i]);
        }

      /* Translators: %s is the other names of an actor */
      text = g_strdup_printf (_("Also known as %s"), names->str);
      label = create_label (text, "caption", FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->content, label);
    }

  add_paragraph (self, actor->summary);

  if (actor->affiliation != DRAMATIS_NO_INDEX || actor->affiliation_id != NULL)
    {
      const char *kind = NULL;

      if (actor->affiliation < dramatis_story_get_n_actors (self->story))
        kind = actor_kind_to_label (dramatis_story_get_actor (self->story, actor->affiliation)->kind);

      list = add_section_list (self, _("Affiliation"));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_actor_row (self, actor->affiliation, actor->affiliation_id, kind));
    }

  /* The actors that belong to this one, the other way along affiliations. */
  list = NULL;
  for (guint i = 0; i < dramatis_story_get_n_actors (self->story); i++)
    {
      const DramatisActor *member = dramatis_story_get_actor (self->story, i);

      if (member->affiliation != index || i == index)
        continue;

      if (list == NULL)
        list = add_section_list (self, _("Members"));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_actor_row (self, i, member->id,
                                             member->role ? member->role : actor_kind_to_label (member->kind)));
    }

  items = dramatis_story_get_actor_statements (self->story, index, &n_items);
  add_statements (self, items, n_items, FALSE);

  items = dramatis_story_get_actor_relations (self->story, index, &n_items);
  if (n_items > 0)
    list = add_section_list (self, _("Relations"));
  for (guint i = 0; i < n_items; i++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (self->story, items[i]);
      g_autofree char *title = NULL;
      g_autofree char *active = dup_relation_active (relation);
      gboolean outgoing = relation->from == index;
      guint other = outgoing ? relation->to : relation->from;
      const char *other_name = get_actor_name (self->story, other,
                                               outgoing ? relation->to_id : relation->from_id);
      GtkWidget *row;

      switch (relation->direction)
        {
        case DRAMATIS_DIRECTION_MUTUAL:
          /* Translators: a relation both ways, as in "↔ exercises with Japan" */
          title = g_strdup_printf (_("↔ %s %s"), active, other_name);
          break;

        case DRAMATIS_DIRECTION_UNDIRECTED:
          /* Translators: a relation without a direction, as in "— related to Japan" */
          title = g_strdup_printf (_("— %s %s"), active, other_name);
          break;

        case DRAMATIS_DIRECTION_DIRECTED:
        default:
          if (outgoing)
            /* Translators: a relation from this actor, as in "supports → North Korea" */
            title = g_strdup_printf (_("%s → %s"), active, other_name);
          else if (find_relation_phrase (relation->type) != NULL)
            /* Translators: a relation to this actor, as in "← condemned by South Korea" */
            title = g_strdup_printf (_("← %s %s"), _(find_relation_phrase (relation->type)->passive),
                                     other_name);
          else
            /* Translators: a relation to this actor of a type Dramatis does not
             * know, as in "← South Korea protests"
             */
            title = g_strdup_printf (C_("unknown relation type", "← %s %s"), other_name, active);
          break;
        }

      row = create_item_row (title, relation->label, DRAMATIS_ITEM_RELATION, items[i]);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  items = dramatis_story_get_actor_events (self->story, index, &n_items);
  if (n_items > 0)
    list = add_section_list (self, _("Events"));
  for (guint i = 0; i < n_items; i++)
    {
      const DramatisEvent *event = dramatis_story_get_event (self->story, items[i]);
      g_autofree char *when = NULL;

      if (dramatis_span_is_set (&event->when))
        when = dramatis_span_format (&event->when);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_item_row (dramatis_event_get_label (event), when, DRAMATIS_ITEM_EVENT, items[i]));
    }
}

static void
build_event_page (DramatisDetails *self,
                  guint            index)
{
  const DramatisEvent *event = dramatis_story_get_event (self->story, index);
  const guint *statements;
  guint n_statements;
  g_autofree char *when = NULL;
  GtkWidget *list;

  if (dramatis_span_is_set (&event->when))
    when = dramatis_span_format (&event->when);

  add_header (self, NULL, dramatis_event_get_label (event), when);
  add_paragraph (self, event->description);

  list = add_section_list (self, _("Details"));
  if (dramatis_span_is_set (&event->when))
    {
      g_autofree char *details = format_span_details (&event->when);

      gtk_list_box_append (GTK_LIST_BOX (list), create_property_row (_("Date"), details, event->date_note));
    }
  else
    {
      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_property_row (_("Date"), _("Not given"), event->date_note));
    }
  if (event->location != NULL && event->location[0] != '\0')
    gtk_list_box_append (GTK_LIST_BOX (list), create_property_row (_("Location"), event->location, NULL));
  if (event->classification != NULL && event->classification[0] != '\0')
    gtk_list_box_append (GTK_LIST_BOX (list),
                         create_property_row (_("Classification"), event->classification, NULL));

  if (event->n_participants > 0)
    list = add_section_list (self, _("Actors Involved"));
  for (guint i = 0; i < event->n_participants; i++)
    {
      const DramatisParticipant *participant = &event->participants[i];

      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_actor_row (self, participant->actor, participant->actor_id,
                                             participant->role));
    }

  statements = dramatis_story_get_event_statements (self->story, index, &n_statements);
  add_statements (self, statements, n_statements, TRUE);

  add_evidence (self, DRAMATIS_ITEM_EVENT, index, dramatis_event_get_label (event), event->evidence, event->n_evidence);
}

static void
build_relation_page (DramatisDetails *self,
                     guint            index)
{
  const DramatisRelation *relation = dramatis_story_get_relation (self->story, index);
  const char *from = get_actor_name (self->story, relation->from, relation->from_id);
  const char *to = get_actor_name (self->story, relation->to, relation->to_id);
  g_autofree char *active = dup_relation_active (relation);
  g_autofree char *title = NULL;
  g_autofree char *sentence = NULL;
  const char *from_role = NULL;
  const char *to_role = NULL;
  const char *direction = NULL;
  const char *direction_note = NULL;
  GtkWidget *list;

  switch (relation->direction)
    {
    case DRAMATIS_DIRECTION_MUTUAL:
      /* Translators: the two actors of a relation both ways */
      title = g_strdup_printf (C_("relation title", "%s ↔ %s"), from, to);
      direction = _("Mutual");
      direction_note = _("Each does it to the other");
      break;

    case DRAMATIS_DIRECTION_UNDIRECTED:
      /* Translators: the two actors of a relation without a direction */
      title = g_strdup_printf (C_("relation title", "%s — %s"), from, to);
      direction = _("Undirected");
      break;

    case DRAMATIS_DIRECTION_DIRECTED:
    default:
      /* Translators: the two actors of a relation from one to the other */
      title = g_strdup_printf (C_("relation title", "%s → %s"), from, to);
      direction = _("Directed");
      from_role = _("From");
      to_role = _("To");
      break;
    }

  /* Translators: a relation as a sentence, as in "Russia trains North
   * Korea": the first actor, the relation and the second actor
   */
  sentence = g_strdup_printf (_("%1$s %2$s %3$s"), from, active, to);

  add_header (self, NULL, title, sentence);
  add_paragraph (self, relation->label);

  list = add_section_list (self, _("Actors"));
  gtk_list_box_append (GTK_LIST_BOX (list), create_actor_row (self, relation->from, relation->from_id, from_role));
  gtk_list_box_append (GTK_LIST_BOX (list), create_actor_row (self, relation->to, relation->to_id, to_role));

  list = add_section_list (self, _("Details"));
  gtk_list_box_append (GTK_LIST_BOX (list), create_property_row (_("Direction"), direction, direction_note));
  if (dramatis_span_is_set (&relation->when))
    {
      g_autofree char *details = format_span_details (&relation->when);

      gtk_list_box_append (GTK_LIST_BOX (list), create_property_row (_("Date"), details, NULL));
    }

  add_evidence (self, DRAMATIS_ITEM_RELATION, index, title, relation->evidence, relation->n_evidence);
}

/* A statement whose speaker the story does not name has no page to be
 * shown on, so it gets one of its own.
 */
static void
build_statement_page (DramatisDetails *self,
                      guint            index)
{
  const DramatisStatement *statement = dramatis_story_get_statement (self->story, index);
  GtkWidget *section;

  add_header (self, NULL, _("Statement"), statement->attribution);

  section = add_section (self, _("Quote"));
  add_statement (self, section, index, FALSE);
}

static void
remove_scroll_tick (DramatisDetails *self)
{
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
}

static gboolean
scroll_to_highlighted_cb (GtkWidget     *widget,
                          GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  DramatisDetails *self = DRAMATIS_DETAILS (widget);
  GtkAdjustment *adjustment;
  GtkWidget *child;
  graphene_point_t point;
  double top;

  g_assert (DRAMATIS_IS_DETAILS (self));

  /* A new page is laid out in the frame after it was built; until then the
   * statement has no place to scroll to.
   */
  if (self->highlighted == NULL || ++self->scroll_frames > MAX_SCROLL_FRAMES)
    goto done;

  if (gtk_widget_get_height (self->highlighted) <= 0)
    return G_SOURCE_CONTINUE;

  child = gtk_scrolled_window_get_child (self->scroller);
  if (!gtk_widget_compute_point (self->highlighted, child, &GRAPHENE_POINT_INIT (0, 0), &point))
    goto done;

  /* Leave the heading above the statement in view when it fits. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  top = MAX (point.y - 48, 0);
  gtk_adjustment_set_value (adjustment,
                            MIN (top, gtk_adjustment_get_upper (adjustment)
                                      - gtk_adjustment_get_page_size (adjustment)));

done:
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
highlight_statement (DramatisDetails *self,
                     guint            statement)
{
  GtkWidget *list = g_hash_table_lookup (self->statement_widgets, GUINT_TO_POINTER (statement));

  if (self->highlighted != NULL)
    gtk_widget_remove_css_class (self->highlighted, "highlighted");
  self->highlighted = list;

  remove_scroll_tick (self);

  if (list == NULL)
    return;

  gtk_widget_add_css_class (list, "highlighted");
  self->scroll_frames = 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_highlighted_cb,
                                                        NULL, NULL);
}

/* Takes the page away.  Returns whether the keyboard focus was on it: the
 * focus then moves out first, since GTK 4.8 may otherwise keep looking at
 * the destroyed widget while laying out.
 */
static gboolean
drop_content (DramatisDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = FALSE;

  remove_scroll_tick (self);
  self->highlighted = NULL;
  self->n_statements = 0;
  g_hash_table_remove_all (self->statement_widgets);

  if (self->content == NULL)
    return FALSE;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content)))
    {
      gtk_root_set_focus (root, NULL);
      had_focus = TRUE;
    }

  self->content = NULL;
  self->first_list = NULL;
  adw_clamp_set_child (self->clamp, NULL);

  return had_focus;
}

static void
dramatis_details_rebuild (DramatisDetails *self)
{
  DramatisItem page = self->item;
  guint n_items = 0;
  gboolean had_focus;

  g_assert (DRAMATIS_IS_DETAILS (self));

  if (self->story != NULL)
    {
      switch (self->item.kind)
        {
        case DRAMATIS_ITEM_ACTOR:
          n_items = dramatis_story_get_n_actors (self->story);
          break;
        case DRAMATIS_ITEM_EVENT:
          n_items = dramatis_story_get_n_events (self->story);
          break;
        case DRAMATIS_ITEM_RELATION:
          n_items = dramatis_story_get_n_relations (self->story);
          break;
        case DRAMATIS_ITEM_STATEMENT:
          n_items = dramatis_story_get_n_statements (self->story);
          break;
        case DRAMATIS_ITEM_NONE:
        default:
          break;
        }
    }

  if (page.kind == DRAMATIS_ITEM_NONE || page.index >= n_items)
    {
      self->page = DRAMATIS_ITEM_INIT_NONE;
      drop_content (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (page.kind == DRAMATIS_ITEM_STATEMENT)
    {
      guint speaker = dramatis_story_get_statement (self->story, page.index)->speaker;

      if (speaker < dramatis_story_get_n_actors (self->story))
        page = (DramatisItem) { DRAMATIS_ITEM_ACTOR, speaker };
    }

  /* The speaker's page is already up: only the highlight moves. */
  if (self->content != NULL && dramatis_item_equal (&page, &self->page))
    {
      if (self->item.kind == DRAMATIS_ITEM_STATEMENT)
        highlight_statement (self, self->item.index);
      else
        highlight_statement (self, DRAMATIS_NO_INDEX);
      return;
    }

  had_focus = drop_content (self);
  self->page = page;
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);

  switch (page.kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      build_actor_page (self, page.index);
      break;
    case DRAMATIS_ITEM_EVENT:
      build_event_page (self, page.index);
      break;
    case DRAMATIS_ITEM_RELATION:
      build_relation_page (self, page.index);
      break;
    case DRAMATIS_ITEM_STATEMENT:
      build_statement_page (self, page.index);
      break;
    case DRAMATIS_ITEM_NONE:
    default:
      g_assert_not_reached ();
    }

  adw_clamp_set_child (self->clamp, GTK_WIDGET (self->content));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "item");

  /* A keyboard user who followed a row lands on the new page's first
   * row, not back at the start of the window.
   */
  if (had_focus && self->first_list != NULL)
    gtk_widget_child_focus (self->first_list, GTK_DIR_TAB_FORWARD);

  if (self->item.kind == DRAMATIS_ITEM_STATEMENT && page.kind == DRAMATIS_ITEM_ACTOR)
    highlight_statement (self, self->item.index);
}

static void
dramatis_details_dispose (GObject *object)
{
  DramatisDetails *self = DRAMATIS_DETAILS (object);
  GtkWidget *child;

  remove_scroll_tick (self);
  g_clear_handle_id (&self->activated_idle_id, g_source_remove);
  self->highlighted = NULL;
  self->content = NULL;
  self->first_list = NULL;
  if (self->statement_widgets != NULL)
    g_hash_table_remove_all (self->statement_widgets);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->kind_colors != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->kind_colors));
  g_clear_object (&self->kind_colors);

  G_OBJECT_CLASS (dramatis_details_parent_class)->dispose (object);
}

static void
dramatis_details_finalize (GObject *object)
{
  DramatisDetails *self = DRAMATIS_DETAILS (object);

  g_clear_object (&self->story);
  g_clear_pointer (&self->statement_widgets, g_hash_table_unref);

  G_OBJECT_CLASS (dramatis_details_parent_class)->finalize (object);
}

static void
dramatis_details_class_init (DramatisDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  object_class->dispose = dramatis_details_dispose;
  object_class->finalize = dramatis_details_finalize;

  /**
   * DramatisDetails::item-selected:
   * @self: the details pane
   * @kind: a #DramatisItemKind
   * @index: the item's index in the story
   *
   * The user activated a row that leads to another item: an actor, an event
   * or a relation.  The pane does not show it until told to.
   */
  signals[ITEM_SELECTED] = g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "details");

  /* The style is the pane's own, so it ships with the pane rather than in
   * the application's stylesheet.
   */
  gtk_css_provider_load_from_data (provider, details_css, -1);
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
dramatis_details_init (DramatisDetails *self)
{
  GtkWidget *empty;

  self->item = DRAMATIS_ITEM_INIT_NONE;
  self->page = DRAMATIS_ITEM_INIT_NONE;
  self->activated = DRAMATIS_ITEM_INIT_NONE;
  self->statement_widgets = g_hash_table_new (NULL, NULL);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Select an actor, an event or a relation on the timeline or in the network to read what the story says about it"));
  gtk_widget_add_css_class (empty, "compact");

  self->clamp = ADW_CLAMP (adw_clamp_new ());
  adw_clamp_set_maximum_size (self->clamp, MAX_CONTENT_WIDTH);
  adw_clamp_set_tightening_threshold (self->clamp, MAX_CONTENT_WIDTH);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->clamp));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scroller), "item");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

/**
 * dramatis_details_new:
 *
 * Returns: (transfer floating): a new, empty details pane
 */
GtkWidget *
dramatis_details_new (void)
{
  return g_object_new (DRAMATIS_TYPE_DETAILS, NULL);
}

/**
 * dramatis_details_set_story:
 * @self: a details pane
 * @story: (nullable): the story to show items of
 *
 * Shows items of @story from now on; the pane is empty until an item is
 * shown.
 */
void
dramatis_details_set_story (DramatisDetails *self,
                            DramatisStory   *story)
{
  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (story == NULL || DRAMATIS_IS_STORY (story));

  if (self->story == story)
    return;

  /* The old page's widgets go before the story they point into, and a row
   * activated on it no longer means anything.
   */
  g_clear_handle_id (&self->activated_idle_id, g_source_remove);
  self->item = DRAMATIS_ITEM_INIT_NONE;
  dramatis_details_rebuild (self);
  g_set_object (&self->story, story);
}

static void
append_color (GString             *css,
              const DramatisColor *color)
{
  g_string_append_printf (css, "rgb(%d,%d,%d)",
                          (int) round (color->red * 255), (int) round (color->green * 255),
                          (int) round (color->blue * 255));
}

/**
 * dramatis_details_set_theme:
 * @self: a details pane
 * @theme: the theme the diagrams are drawn with
 *
 * Colours each actor's avatar with the colour the diagrams give its kind,
 * with dark or light initials, whichever reads better on it.
 */
void
dramatis_details_set_theme (DramatisDetails     *self,
                            const DramatisTheme *theme)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (theme != NULL);

  for (int kind = DRAMATIS_ACTOR_KIND_OTHER; kind <= DRAMATIS_ACTOR_KIND_GROUP; kind++)
    {
      const DramatisColor *color = &theme->actor_kinds[kind];
      /* Relative luminance, roughly: enough to pick black or white. */
      double luminance = 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;

      /* AdwAvatar paints its colour on its child, the "avatar" node. */
      g_string_append_printf (css, ".actor-kind-%s > avatar { background-image: none; background-color: ",
                              dramatis_actor_kind_to_string (kind));
      append_color (css, color);
      g_string_append_printf (css, "; color: %s; }\n", luminance > 0.5 ? "rgba(0,0,0,0.8)" : "#ffffff");
    }

  if (self->kind_colors == NULL)
    {
      self->kind_colors = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->kind_colors),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (self->kind_colors, css->str, css->len);
}

/**
 * dramatis_details_get_story:
 * @self: a details pane
 *
 * Returns: (transfer none) (nullable): the story the pane shows items of
 */
DramatisStory *
dramatis_details_get_story (DramatisDetails *self)
{
  g_return_val_if_fail (DRAMATIS_IS_DETAILS (self), NULL);

  return self->story;
}

/**
 * dramatis_details_show_item:
 * @self: a details pane
 * @kind: what kind of item, or %DRAMATIS_ITEM_NONE to show nothing
 * @index: the item's index in the story
 *
 * Shows what the story says about an item.  A statement is shown on its
 * speaker's page, highlighted and scrolled to.  An index out of range shows
 * nothing.
 */
void
dramatis_details_show_item (DramatisDetails  *self,
                            DramatisItemKind  kind,
                            guint             index)
{
  DramatisItem item = { kind, index };

  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (kind <= DRAMATIS_ITEM_STATEMENT);

  if (kind == DRAMATIS_ITEM_NONE)
    item = DRAMATIS_ITEM_INIT_NONE;

  if (dramatis_item_equal (&item, &self->item) && (self->content != NULL || kind == DRAMATIS_ITEM_NONE))
    return;

  self->item = item;
  dramatis_details_rebuild (self);
}

/**
 * dramatis_details_get_n_statements:
 * @self: a details pane
 *
 * Returns: how many statements the pane lists now
 */
guint
dramatis_details_get_n_statements (DramatisDetails *self)
{
  g_return_val_if_fail (DRAMATIS_IS_DETAILS (self), 0);

  return self->n_statements;
}
