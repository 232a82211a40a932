/** The campaign the leads go to, and its assistant (which columns it expects), loaded from the API. */
import { api } from '#lib/ui/api.ts';
import type { AssistantConfig } from '#lib/types.ts';
import type { Notices } from '#lib/ui/preview/session.svelte.ts';
import type { Assistant, Campaign } from '#lib/ui/wire-types.ts';

export class CampaignChoice {
  campaigns = $state<Campaign[]>([]);
  campaignId = $state('');
  assistant = $state<Assistant | null>(null);
  readonly campaign = $derived(this.campaigns.find((c) => c.id === this.campaignId) ?? null);
  readonly config = $derived<AssistantConfig | null>(
    this.assistant ? { variables: this.assistant.variables, secondaryVariables: this.assistant.secondaryVariables } : null,
  );
  private notices: Notices;

  constructor(campaignId: string, notices: Notices) {
    this.campaignId = campaignId;
    this.notices = notices;
  }

  /** The workspace's campaigns; the only one is chosen for the user. */
  async loadCampaigns(): Promise<void> {
    const res = await api().campaigns.$get();
    if (!res.ok) {
      this.notices.fail(res.status === 401 ? 'You are signed out. Sign in again.' : 'Campaigns could not be loaded.', 'campaign');
      return;
    }
    this.campaigns = (await res.json()).items;
    if (!this.campaignId && this.campaigns.length === 1) this.campaignId = this.campaigns[0]!.id;
  }

  async loadAssistant(campaign: Campaign): Promise<void> {
    this.assistant = null;
    const res = await api().assistants[':id'].$get({ param: { id: campaign.assistantId } });
    if (res.ok) this.assistant = await res.json();
    else this.notices.fail('The campaign\'s assistant could not be loaded.', 'campaign');
  }
}
