import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/policy-card/policy-card.js';
import { samples } from './fixtures.js';

const meta: Meta = { title: 'Elements/政策卡片 zw-policy-card', component: 'zw-policy-card' };
export default meta;
export const Ready: StoryObj = { render: () => html`<div lang="zh-CN"><zw-policy-card .data=${samples['jinan-2020']}></zw-policy-card></div>` };
